package dev.beanstalk.examples.php.laravel;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.listener.MethodBeanstalkListenerEndpoint;
import dev.beanstalk.spring.php.LaravelJobConverter;
import java.lang.reflect.Method;
import tools.jackson.databind.json.JsonMapper;

/** The Laravel format without Spring Boot: a template that writes it and a listener endpoint that reads it. */
final class WithoutBoot {

    private WithoutBoot() {
    }

    static MethodBeanstalkListenerEndpoint laravel(BeanstalkClient client, Object bean, Method method) {
        // tag::without-boot[]
        LaravelJobConverter laravel = new LaravelJobConverter(JsonMapper.shared());
        BeanstalkTemplate template = BeanstalkTemplate.builder(client, laravel).build();

        MethodBeanstalkListenerEndpoint endpoint = new MethodBeanstalkListenerEndpoint(bean, method);
        endpoint.setConverter(laravel);                 // or MultiMethodBeanstalkListenerEndpoint for several handlers
        // end::without-boot[]
        template.put("laravel-mail", new SendWelcomeMail(1, "Zoë"));
        return endpoint;
    }
}
