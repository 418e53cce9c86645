package dev.beanstalk.spring.php;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the PHP class a Java type stands for, such as {@code App\Jobs\RegisterUser}: jobs of that class are read as
 * this type (and routed to the handler taking it), and payloads of this type are written as that class.
 *
 * <p>Only types carrying this annotation (and {@link PhpObject}) are ever created from a PHP job.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PhpClass {

    /** The fully qualified PHP class name, without a leading backslash. */
    String value();
}
