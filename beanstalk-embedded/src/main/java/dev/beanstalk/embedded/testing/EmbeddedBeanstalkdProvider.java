package dev.beanstalk.embedded.testing;

import dev.beanstalk.embedded.EmbeddedBeanstalkd;
import dev.beanstalk.test.BeanstalkdProvider;
import java.time.Duration;
import java.util.Iterator;

/**
 * The embedded server behind {@code @Beanstalkd(embedded = true)} and {@code BeanstalkdServer.builder().embedded()},
 * registered for {@link java.util.ServiceLoader}.
 *
 * <p>Of beanstalkd's further flags it takes {@code -f MS}, {@code -F} and {@code -s BYTES}. It has no process: a kill
 * is a clean stop, which loses nothing a crash of beanstalkd would keep, since its binlog writes are not buffered.
 */
public final class EmbeddedBeanstalkdProvider implements BeanstalkdProvider {

    @Override
    public Instance start(Options options) {
        EmbeddedBeanstalkd.Builder builder = EmbeddedBeanstalkd.builder().host("127.0.0.1").port(options.port());
        if (options.maxJobSize() > 0) {
            builder.maxJobSize(options.maxJobSize());
        }
        if (options.binlogDirectory() != null) {
            builder.binlogDirectory(options.binlogDirectory());
        }
        applyArguments(builder, options);
        return new Running(builder.build().start());
    }

    @Override
    public String toString() {
        return "embedded beanstalkd";
    }

    private static void applyArguments(EmbeddedBeanstalkd.Builder builder, Options options) {
        Iterator<String> arguments = options.arguments().iterator();
        while (arguments.hasNext()) {
            String flag = arguments.next();
            switch (flag) {
                case "-F" -> builder.fsyncNever();
                case "-f" -> builder.fsyncInterval(Duration.ofMillis(number(flag, arguments)));
                case "-s" -> builder.binlogFileSize(number(flag, arguments));
                default -> throw new IllegalArgumentException("The embedded beanstalkd takes the arguments -f MS, -F"
                        + " and -s BYTES, not " + flag + " (in " + options.arguments() + ")");
            }
        }
    }

    private static long number(String flag, Iterator<String> arguments) {
        String value = arguments.hasNext() ? arguments.next() : null;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got " + value, e);
        }
    }

    private record Running(EmbeddedBeanstalkd server) implements Instance {

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public boolean isRunning() {
            return server.isRunning();
        }

        @Override
        public void stop() {
            server.stop();
        }

        @Override
        public void kill() {
            server.stop();
        }

        @Override
        public void drain() {
            server.drain();
        }

        @Override
        public String toString() {
            return server.toString();
        }
    }
}
