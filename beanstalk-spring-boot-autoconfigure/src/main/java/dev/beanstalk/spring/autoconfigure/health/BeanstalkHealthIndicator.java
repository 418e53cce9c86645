package dev.beanstalk.spring.autoconfigure.health;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ServerStats;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when beanstalkd answers {@code stats}, with its version; out of service while it drains (it refuses every put);
 * down when it cannot be reached.
 */
public final class BeanstalkHealthIndicator extends AbstractHealthIndicator {

    private final BeanstalkClient client;

    public BeanstalkHealthIndicator(BeanstalkClient client) {
        super("beanstalkd health check failed");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ServerStats stats = client.stats();
        if (stats.draining()) {
            builder.outOfService();
        } else {
            builder.up();
        }
        builder.withDetail("servers", client.options().servers().toString())
                .withDetail("version", stats.version())
                .withDetail("draining", stats.draining());
    }
}
