package dev.beanstalk.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a beanstalkd before the annotated test class and kills it after; test methods and constructors receive it as
 * a {@link BeanstalkdServer} parameter.
 *
 * <p>Each test class gets its own server on a free loopback port: the real beanstalkd, or with {@link #embedded()} the
 * in-process server of {@code dev.beanstalk:beanstalk-embedded}, which starts in milliseconds and needs no install.
 * With {@link #binlog()} the server writes a binlog to a fresh temporary directory, so
 * {@link BeanstalkdServer#restart()} and {@link BeanstalkdServer#kill()} keep jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BeanstalkdExtension.class)
public @interface Beanstalkd {

    /** The {@code -z} maximum job size in bytes; 0 keeps beanstalkd's default of 65535. */
    long maxJobSize() default 0;

    /** Whether the server keeps a binlog ({@code -b}) in a temporary directory. */
    boolean binlog() default false;

    /**
     * Whether to run the in-process server of {@code dev.beanstalk:beanstalk-embedded}, which must then be a test
     * dependency, instead of the beanstalkd binary.
     */
    boolean embedded() default false;

    /** Further command-line arguments for beanstalkd, such as {@code {"-f", "0"}}; the embedded server takes -f, -F, -s. */
    String[] arguments() default {};
}
