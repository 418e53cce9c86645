package dev.beanstalk.examples.embedded;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.embedded.EmbeddedBeanstalkd;

/** The embedded server examples of docs/embedded.md. */
final class EmbeddedExamples {


    private EmbeddedExamples() {
    }

    static long startInCode() {
        // tag::start[]
        try (EmbeddedBeanstalkd server = EmbeddedBeanstalkd.builder().port(0).build().start();
                BeanstalkClient client = BeanstalkClient.create(server.host(), server.port())) {
            return client.put("userReg", new byte[] {'{', '}'});
        }
        // end::start[]
    }
}
