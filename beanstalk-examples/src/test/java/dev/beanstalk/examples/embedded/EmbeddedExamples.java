package dev.beanstalk.examples.embedded;

import dev.beanstalk.embedded.EmbeddedBeanstalkd;

/** The embedded server example of docs/embedded.md. */
final class EmbeddedExamples {

    private EmbeddedExamples() {
    }

    static int start() {
        // tag::start[]
        EmbeddedBeanstalkd server = EmbeddedBeanstalkd.builder().port(0).build().start();   // returns once the port is bound
        int port = server.port();
        server.stop();
        // end::start[]
        return port;
    }
}
