package dev.beanstalk.examples.php;

import dev.beanstalk.spring.php.LaravelJobConverter;
import dev.beanstalk.spring.php.SymfonyMessengerJobConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

// tag::converters[]
@Configuration(proxyBeanMethods = false)
class PhpFrameworks {

    @Bean(name = "laravelJobConverter", autowireCandidate = false)
    LaravelJobConverter laravelJobConverter(JsonMapper mapper) {
        return new LaravelJobConverter(mapper);
    }

    @Bean(name = "symfonyJobConverter", autowireCandidate = false)
    SymfonyMessengerJobConverter symfonyJobConverter(JsonMapper mapper) {
        return new SymfonyMessengerJobConverter(mapper);
    }
}
// end::converters[]
