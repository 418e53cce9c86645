package dev.beanstalk.spring.autoconfigure.health;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.ServerStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Every server's {@code stats}: reachable or not, its version, whether it drains. One server: up when it answers, out
 * of service while it drains (it refuses every put), down when it cannot be reached. A fleet: up while at least one
 * server answers and does not drain, since puts then still succeed; out of service when every server that answers
 * drains; down when none answers. Each server's own status is in the {@code servers} detail.
 */
public final class BeanstalkHealthIndicator extends AbstractHealthIndicator {

    private final BeanstalkClient client;

    public BeanstalkHealthIndicator(BeanstalkClient client) {
        super("beanstalkd health check failed");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (client.servers().size() == 1) {
            one(builder);
            return;
        }
        Map<String, Map<String, Object>> servers = new LinkedHashMap<>();
        int reachable = 0;
        int accepting = 0;
        for (int i = 0; i < client.servers().size(); i++) {
            Map<String, Object> detail = new LinkedHashMap<>();
            try {
                ServerStats stats = client.stats(i);
                reachable++;
                accepting += stats.draining() ? 0 : 1;
                detail.put("status", stats.draining() ? "OUT_OF_SERVICE" : "UP");
                detail.put("version", stats.version());
                detail.put("draining", stats.draining());
            } catch (BeanstalkException e) {
                detail.put("status", "DOWN");
                detail.put("error", e.getMessage());
            }
            detail.put("inRotation", client.inRotation(i));
            servers.put(client.servers().get(i).toString(), detail);
        }
        if (accepting > 0) {
            builder.up();
        } else if (reachable > 0) {
            builder.outOfService();
        } else {
            builder.down();
        }
        builder.withDetail("strategy", client.strategy().toString()).withDetail("servers", servers);
    }

    private void one(Health.Builder builder) {
        ServerStats stats = client.stats();
        if (stats.draining()) {
            builder.outOfService();
        } else {
            builder.up();
        }
        builder.withDetail("servers", List.of(client.servers().get(0).toString()).toString())
                .withDetail("version", stats.version())
                .withDetail("draining", stats.draining());
    }
}
