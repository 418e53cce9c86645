package dev.beanstalk.examples.spring;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.spring.annotation.EnableBeanstalk;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.spring.listener.ConcurrentBeanstalkListenerContainerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

// tag::configuration[]
@Configuration(proxyBeanMethods = false)
@EnableBeanstalk
class BeanstalkConfiguration {

    @Bean(destroyMethod = "close")
    BeanstalkClient beanstalkClient() {
        return BeanstalkClient.create("localhost", 11300);
    }

    @Bean
    JobConverter jobConverter() {
        return new JsonJobConverter(JsonMapper.shared());
    }

    @Bean
    BeanstalkTemplate beanstalkTemplate(BeanstalkClient client, JobConverter converter) {
        return BeanstalkTemplate.builder(client, converter).defaultTube("userReg").build();
    }

    @Bean // the factory @BeanstalkListener methods use unless they name another
    ConcurrentBeanstalkListenerContainerFactory beanstalkListenerContainerFactory(BeanstalkClient client,
            JobConverter converter) {
        return new ConcurrentBeanstalkListenerContainerFactory(client, converter);
    }
}
// end::configuration[]
