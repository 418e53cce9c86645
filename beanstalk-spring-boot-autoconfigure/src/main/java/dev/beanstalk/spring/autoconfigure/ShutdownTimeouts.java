package dev.beanstalk.spring.autoconfigure;

import java.time.Duration;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reports at startup a listener shutdown timeout that does not fit in Spring's wait for each lifecycle phase: the
 * context would go on closing (the client included) while handlers still run.
 */
final class ShutdownTimeouts {

    private static final Log log = LogFactory.getLog(ShutdownTimeouts.class);

    /** Spring Boot's default of {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    static final Duration DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

    /** What a stop adds to the shutdown timeout: the wait for interrupted handlers whose jobs it released. */
    static final Duration ABANDON_WAIT = Duration.ofMillis(500);

    private ShutdownTimeouts() {
    }

    /** The warning for {@code shutdownTimeout} under this environment's phase timeout, if one is due. */
    static Optional<String> check(Duration shutdownTimeout, Environment environment) {
        Duration phaseTimeout = Binder.get(environment).bind("spring.lifecycle.timeout-per-shutdown-phase",
                Duration.class).orElse(DEFAULT_PHASE_TIMEOUT);
        if (shutdownTimeout.plus(ABANDON_WAIT).compareTo(phaseTimeout) <= 0) {
            return Optional.empty();
        }
        return Optional.of("beanstalk.listener.shutdown-timeout (" + shutdownTimeout + ") and the " + ABANDON_WAIT
                .toMillis() + " ms a stop then gives released handlers do not fit in"
                + " spring.lifecycle.timeout-per-shutdown-phase (" + phaseTimeout + "): the application would stop"
                + " waiting for the listeners and close their client while handlers run; raise"
                + " spring.lifecycle.timeout-per-shutdown-phase or lower the shutdown timeout");
    }

    static void warnIfTooLong(Duration shutdownTimeout, Environment environment) {
        check(shutdownTimeout, environment).ifPresent(log::warn);
    }
}
