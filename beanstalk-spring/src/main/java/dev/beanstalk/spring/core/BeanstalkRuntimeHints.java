package dev.beanstalk.spring.core;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection a native image needs for the client's values that applications bind to and from JSON (as admin
 * endpoints return {@link JobStats} or {@link TubeStats}). The library loads no resources and creates no proxies;
 * the hints of {@code @BeanstalkListener} methods and their payloads come from the bean registration AOT processor.
 */
final class BeanstalkRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), Job.class, JobOptions.class,
                JobState.class, JobStats.class, ServerStats.class, TubeStats.class);
    }
}
