package dev.beanstalk.embedded;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code java -jar beanstalk-embedded.jar [OPTIONS]}: a beanstalkd with beanstalkd's own flags. Stops on SIGTERM or
 * Ctrl-C; SIGUSR1 enters drain mode where the JVM lets a program handle it. Both are safe from the moment the port
 * accepts. A bad flag value prints beanstalkd's message and exits with its status, never a stack trace.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedBeanstalkd server;
        try {
            server = parse(args).build();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        // before the port opens: a signal that arrives the moment it accepts must find its handler
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "beanstalk-embedded-shutdown"));
        Signals.onUsr1(server::drain);
        Path binlog = server.binlogDirectory();
        if (binlog != null && !Files.isDirectory(binlog)) {
            System.err.println("beanstalkd: open " + binlog.resolve("lock") + ": No such file or directory");
            exit("failed to lock wal dir " + binlog, 10);
        }
        try {
            server.start();
        } catch (BinlogLockedException e) {
            exit(e.getMessage(), 10);
        } catch (RuntimeException e) {
            exit(e.getMessage(), 111);
        }
        System.err.println("beanstalkd: listening on " + server.address());
        while (server.isRunning()) {
            Thread.sleep(200);
        }
    }

    private static EmbeddedBeanstalkd.Builder parse(String[] args) {
        EmbeddedBeanstalkd.Builder builder = EmbeddedBeanstalkd.builder().host("0.0.0.0").port(11300);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                fail("unknown argument: " + arg);
            }
            for (int k = 1; k < arg.length(); k++) {
                char flag = arg.charAt(k);
                String value = null;
                if ("plzsfbu".indexOf(flag) >= 0) {
                    if (k + 1 < arg.length()) {
                        value = arg.substring(k + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        fail("flag requires an argument: -" + flag);
                    }
                    k = arg.length();
                }
                apply(builder, flag, value);
            }
        }
        return builder;
    }

    private static void apply(EmbeddedBeanstalkd.Builder builder, char flag, String value) {
        switch (flag) {
            case 'p' -> builder.port(port(value));
            case 'l' -> {
                if (value.startsWith("unix:")) {
                    builder.unixSocket(Path.of(value.substring(5)));
                } else {
                    builder.host(value);
                }
            }
            case 'z' -> {
                long bytes = size(value);
                if (bytes > EmbeddedBeanstalkd.MAX_JOB_SIZE_LIMIT) {
                    System.err.println("beanstalkd: maximum job size was set to "
                            + EmbeddedBeanstalkd.MAX_JOB_SIZE_LIMIT);
                }
                builder.maxJobSize(bytes);
            }
            case 's' -> builder.binlogFileSize(Math.min(size(value), Integer.MAX_VALUE));
            case 'f' -> builder.fsyncInterval(Duration.ofMillis(Math.min(size(value), Long.MAX_VALUE / 1_000_000)));
            case 'F' -> builder.fsyncNever();
            case 'b' -> builder.binlogDirectory(Path.of(value));
            case 'u' -> exit("-u " + value + ": this server cannot change its user; start it as that user instead", 5);
            case 'c', 'n' -> System.err.println("beanstalkd: -" + flag + " flag was removed. binlog is always compacted.");
            case 'V' -> builder.verbose(true);
            case 'v' -> {
                System.out.println("beanstalkd 1.12 (beanstalk-embedded)");
                System.exit(0);
            }
            case 'h' -> usage(System.out, 0);
            default -> fail("unknown flag: -" + flag);
        }
    }

    /** A port as beanstalkd's getaddrinfo reads it: digits, taken modulo 65536; anything else is no service. */
    private static int port(String value) {
        if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            exit("getaddrinfo(): Servname not supported for ai_socktype", 111);
        }
        try {
            return (int) (Long.parseLong(value) & 0xFFFF);
        } catch (NumberFormatException e) {
            exit("getaddrinfo(): Servname not supported for ai_socktype", 111);
            return 0;
        }
    }

    /** A size as beanstalkd's {@code parse_size_t} reads it: an unsigned decimal number, nothing after it. */
    private static long size(String value) {
        String digits = value.strip();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException tooLong) {
                return Long.MAX_VALUE;
            }
        }
        fail("invalid size: " + value);
        return 0;
    }

    private static void exit(String message, int status) {
        System.err.println("beanstalkd: " + message);
        System.exit(status);
    }

    private static void fail(String message) {
        System.err.println("beanstalkd: " + message);
        usage(System.err, 5);
    }

    private static void usage(PrintStream out, int status) {
        out.println("""
                Use: java -jar beanstalk-embedded.jar [OPTIONS]

                Options:
                 -b DIR   write-ahead log directory
                 -f MS    fsync at most once every MS milliseconds (default is 50ms);
                          use -f0 for "always fsync"
                 -F       never fsync
                 -l ADDR  listen on address (default is 0.0.0.0); unix:PATH for a UNIX socket
                 -p PORT  listen on port (default is 11300)
                 -z BYTES set the maximum job size in bytes (default is 65535);
                          max allowed is 1073741824 bytes
                 -s BYTES set the size of each write-ahead log file (default is 10485760)
                 -v       show version information
                 -V       increase verbosity
                 -h       show this help""");
        System.exit(status);
    }
}
