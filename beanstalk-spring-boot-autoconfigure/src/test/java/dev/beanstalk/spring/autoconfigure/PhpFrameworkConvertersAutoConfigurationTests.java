package dev.beanstalk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.spring.listener.ConcurrentBeanstalkListenerContainerFactory;
import dev.beanstalk.spring.php.LaravelJobConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** A PHP framework's converter declared as docs/php-frameworks.md says leaves JSON the default. */
class PhpFrameworkConvertersAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BeanstalkAutoConfiguration.class));

    @Test
    void aConverterThatIsNoAutowireCandidateLeavesJsonTheDefault() {
        runner.withUserConfiguration(NotACandidate.class).run(context -> {
            assertThat(context.getBean(BeanstalkTemplate.class).converter()).isInstanceOf(JsonJobConverter.class);
            assertThat(context.getBean(ConcurrentBeanstalkListenerContainerFactory.class).getConverter())
                    .isInstanceOf(JsonJobConverter.class);
            assertThat(context.getBean("laravelJobConverter")).isInstanceOf(LaravelJobConverter.class);
        });
    }

    @Test
    void aConverterThatIsAnAutowireCandidateReplacesTheDefault() {
        runner.withUserConfiguration(Candidate.class).run(context -> assertThat(
                context.getBean(BeanstalkTemplate.class).converter()).isInstanceOf(LaravelJobConverter.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class NotACandidate {

        @Bean(autowireCandidate = false)
        LaravelJobConverter laravelJobConverter() {
            return new LaravelJobConverter(JsonMapper.shared());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Candidate {

        @Bean
        LaravelJobConverter laravelJobConverter() {
            return new LaravelJobConverter(JsonMapper.shared());
        }
    }
}
