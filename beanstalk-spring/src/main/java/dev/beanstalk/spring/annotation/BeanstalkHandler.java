package dev.beanstalk.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a class annotated with {@link BeanstalkListener} as the handler of the jobs whose payload type
 * is its payload parameter's, as spring-kafka's {@code @KafkaHandler}: several job types on one tube, one method each.
 * Routing needs a converter whose jobs name their type, such as the Laravel or Symfony Messenger one; a job naming
 * no handler's type fails as unconvertible.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BeanstalkHandler {
}
