package dev.beanstalk.embedded;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar beanstalk-embedded.jar [OPTIONS]}: a beanstalkd with beanstalkd's own flags. Stops on SIGTERM or
 * Ctrl-C; SIGUSR1 enters drain mode where the JVM lets a program handle it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedBeanstalkd.Builder builder = EmbeddedBeanstalkd.builder().host("0.0.0.0").port(11300);
        String host = "0.0.0.0";
        int port = 11300;
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
                switch (flag) {
                    case 'p' -> {
                        port = (int) size(value, 65_535);
                        builder.port(port);
                    }
                    case 'l' -> {
                        if (value.startsWith("unix:")) {
                            fail("UNIX sockets (-l unix:PATH) are not supported by this server");
                        }
                        host = value;
                        builder.host(value);
                    }
                    case 'z' -> {
                        long bytes = size(value, Long.MAX_VALUE);
                        if (bytes > EmbeddedBeanstalkd.MAX_JOB_SIZE_LIMIT) {
                            System.err.println("beanstalkd: maximum job size was set to "
                                    + EmbeddedBeanstalkd.MAX_JOB_SIZE_LIMIT);
                        }
                        builder.maxJobSize(bytes);
                    }
                    case 's' -> builder.binlogFileSize(size(value, Integer.MAX_VALUE));
                    case 'f' -> builder.fsyncInterval(Duration.ofMillis(size(value, Long.MAX_VALUE / 1_000_000)));
                    case 'F' -> builder.fsyncNever();
                    case 'b' -> builder.binlogDirectory(Path.of(value));
                    case 'u' -> System.err.println("beanstalkd: -u is not supported by this server; ignored");
                    case 'c', 'n' -> System.err.println("beanstalkd: -" + flag
                            + " flag was removed. binlog is always compacted.");
                    case 'V' -> builder.verbose(true);
                    case 'v' -> {
                        System.out.println("beanstalkd 1.12 (beanstalk-embedded)");
                        System.exit(0);
                    }
                    case 'h' -> usage(System.out, 0);
                    default -> fail("unknown flag: -" + flag);
                }
            }
        }
        EmbeddedBeanstalkd server;
        try {
            server = builder.build().start();
        } catch (BinlogLockedException e) {
            System.err.println("beanstalkd: " + e.getMessage());
            System.exit(10);
            return;
        } catch (RuntimeException e) {
            System.err.println("beanstalkd: " + e.getMessage());
            System.exit(111);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "beanstalk-embedded-shutdown"));
        Signals.onUsr1(server::drain);
        System.err.println("beanstalkd: listening on " + host + ":" + server.port());
        while (server.isRunning()) {
            Thread.sleep(200);
        }
        stopped.await();
    }

    private static long size(String value, long max) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail("invalid size: " + value);
        return 0;
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
                 -l ADDR  listen on address (default is 0.0.0.0)
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
