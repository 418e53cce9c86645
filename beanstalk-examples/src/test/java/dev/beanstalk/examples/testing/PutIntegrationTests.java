package dev.beanstalk.examples.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
// tag::beanstalkd[]
@Beanstalkd                       // also: maxJobSize = 1024, binlog = true, arguments = {"-f", "0"}
class PutIntegrationTests {
    @Test
    void puts(BeanstalkdServer server) {
        try (BeanstalkClient client = BeanstalkClient.create(server.host(), server.port())) {
            long id = client.put("userReg", "{}".getBytes(UTF_8));
            assertEquals("{}", client.peek(id).orElseThrow().bodyAsString());
        }
    }
}
// end::beanstalkd[]
