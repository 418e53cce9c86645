package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.ConnectionOptions;

/** Changes the connection options of the auto-configured client; customizers run in {@code @Order}. */
@FunctionalInterface
public interface BeanstalkConnectionOptionsCustomizer {

    void customize(ConnectionOptions.Builder builder);
}
