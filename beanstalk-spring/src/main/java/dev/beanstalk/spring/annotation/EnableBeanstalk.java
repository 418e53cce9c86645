package dev.beanstalk.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Turns {@link BeanstalkListener} methods into listener containers, without Spring Boot's auto-configuration (which
 * does the same). The containers are created by the bean {@code beanstalkListenerContainerFactory} unless an
 * annotation names another factory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(BeanstalkBootstrapConfiguration.class)
public @interface EnableBeanstalk {
}
