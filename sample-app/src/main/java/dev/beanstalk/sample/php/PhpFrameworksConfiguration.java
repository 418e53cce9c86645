package dev.beanstalk.sample.php;

import dev.beanstalk.spring.php.LaravelJobConverter;
import dev.beanstalk.spring.php.SymfonyMessengerJobConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job formats of the PHP apps the sample shares tubes with, named by {@code @BeanstalkListener(converter = ...)}
 * and used for puts through {@code BeanstalkOperations.withConverter}. They are no autowire candidates, so the
 * JSON converter stays the default of the template and of every other listener.
 */
@Configuration(proxyBeanMethods = false)
public class PhpFrameworksConfiguration {

    /** The bean name of the Laravel queue's job format. */
    public static final String LARAVEL = "laravelJobConverter";

    /** The bean name of Symfony Messenger's message format. */
    public static final String SYMFONY = "symfonyJobConverter";

    @Bean(name = LARAVEL, autowireCandidate = false)
    LaravelJobConverter laravelJobConverter(JsonMapper mapper) {
        return new LaravelJobConverter(mapper);
    }

    @Bean(name = SYMFONY, autowireCandidate = false)
    SymfonyMessengerJobConverter symfonyJobConverter(JsonMapper mapper) {
        return new SymfonyMessengerJobConverter(mapper);
    }
}
