package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.ServerAddress;
import java.util.List;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/** Where beanstalkd runs: the servers every connection tries, in order. */
public interface BeanstalkConnectionDetails extends ConnectionDetails {

    List<ServerAddress> getServers();
}
