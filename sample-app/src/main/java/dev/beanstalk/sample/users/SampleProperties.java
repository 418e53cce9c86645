package dev.beanstalk.sample.users;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample.
 *
 * @param reminderDelay how long after a registration its reminder runs
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue("30s") Duration reminderDelay) {
}
