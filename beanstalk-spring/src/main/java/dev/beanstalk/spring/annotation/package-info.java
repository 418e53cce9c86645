/** The {@code @BeanstalkListener} annotation, {@code @EnableBeanstalk} and the processing behind them. */
@NullMarked
package dev.beanstalk.spring.annotation;

import org.jspecify.annotations.NullMarked;
