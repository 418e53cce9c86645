package dev.beanstalk.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.spring.core.RetryHints;
import dev.beanstalk.spring.php.LaravelJobConverter;
import dev.beanstalk.spring.php.PhpClass;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Endpoints with their own converter, several handlers routed by the job's type, and jobs' retry hints. */
class RoutingEndpointTests {

    private final LaravelJobConverter laravel = new LaravelJobConverter(JsonMapper.builder().build());

    private final JobConverter json = new JsonJobConverter(JsonMapper.builder().build());

    @PhpClass("App\\Jobs\\Welcome")
    record Welcome(long id) {
    }

    @PhpClass("App\\Jobs\\Goodbye")
    record Goodbye(long id) {
    }

    @PhpClass("App\\Jobs\\Unhandled")
    record Unhandled(long id) {
    }

    static final class Mailer {

        final List<Object> calls = new ArrayList<>();

        void welcome(Welcome welcome, Job job) {
            calls.add(welcome);
        }

        void goodbye(JobHandle handle, Goodbye goodbye) {
            calls.add(goodbye);
        }

        void raw(Job job) {
            calls.add(job);
        }
    }

    @Test
    void eachJobGoesToTheHandlerOfItsClass() throws Exception {
        Mailer mailer = new Mailer();
        JobListener listener = multi(mailer, "welcome", "goodbye").createListener(laravel);

        listener.onJob(job(new Goodbye(2)), null);
        listener.onJob(job(new Welcome(1)), null);

        assertThat(mailer.calls).containsExactly(new Goodbye(2), new Welcome(1));
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> listener.onJob(
                job(new Unhandled(3)), null)).withMessageContaining("No handler takes the Laravel job of PHP class"
                        + " App\\Jobs\\Unhandled");
    }

    @Test
    void routingNeedsAConverterWhoseJobsNameTheirTypeAndAPayloadPerHandler() throws Exception {
        assertThatIllegalStateException().isThrownBy(() -> multi(new Mailer(), "welcome", "goodbye")
                .createListener(json)).withMessageContaining("needs a converter whose jobs name their type");
        assertThatIllegalStateException().isThrownBy(() -> multi(new Mailer(), "welcome", "raw")
                .createListener(laravel)).withMessageContaining("needs a payload parameter");
        Mailer mailer = new Mailer();
        multi(mailer, "raw").createListener(json).onJob(new Job(1, new byte[0]), null);
        assertThat(mailer.calls).hasSize(1);
    }

    @Test
    void anEndpointsOwnConverterReplacesTheFactorys() throws Exception {
        Mailer mailer = new Mailer();
        MethodBeanstalkListenerEndpoint endpoint = new MethodBeanstalkListenerEndpoint(mailer,
                Mailer.class.getDeclaredMethod("welcome", Welcome.class, Job.class));
        endpoint.setConverter(laravel);

        endpoint.createListener(json).onJob(job(new Welcome(4)), null);

        assertThat(mailer.calls).containsExactly(new Welcome(4));
    }

    @Test
    void jobsRetryHintsApplyUnlessTheListenerSetsItsOwnRetry() throws Exception {
        byte[] body = ("{\"job\":\"App\\\\Jobs\\\\Welcome@handle\",\"maxTries\":5,\"backoff\":\"3\",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8);
        Job job = new Job(1, body);
        MultiMethodBeanstalkListenerEndpoint endpoint = multi(new Mailer(), "welcome");
        endpoint.setConverter(laravel);

        assertThat(endpoint.createListener(json).retryHints(job))
                .isEqualTo(new RetryHints(5, List.of(Duration.ofSeconds(3))));
        endpoint.setMaxAttempts(2);
        assertThat(endpoint.createListener(json).retryHints(job)).isEqualTo(RetryHints.NONE);
        assertThat(((JobListener) (j, handle) -> { }).retryHints(job)).isEqualTo(RetryHints.NONE);
    }

    @Test
    void retryHintsFallBackToThePolicyWhereTheyAreSilent() {
        RetryHints hints = new RetryHints(null, List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)));
        assertThat(hints.maxAttempts(3)).isEqualTo(3);
        assertThat(hints.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(hints.delayAfter(2, Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(hints.delayAfter(9, Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryHints.NONE.delayAfter(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(new RetryHints(4, List.of()).maxAttempts(1)).isEqualTo(4);
    }

    private MultiMethodBeanstalkListenerEndpoint multi(Mailer mailer, String... names) {
        List<java.lang.reflect.Method> methods = new ArrayList<>();
        for (String name : names) {
            for (java.lang.reflect.Method method : Mailer.class.getDeclaredMethods()) {
                if (method.getName().equals(name)) {
                    methods.add(method);
                }
            }
        }
        MultiMethodBeanstalkListenerEndpoint endpoint = new MultiMethodBeanstalkListenerEndpoint(mailer, methods);
        endpoint.setId("mailer");
        endpoint.setTubes(List.of("mail"));
        return endpoint;
    }

    private Job job(Object payload) {
        return new Job(1, laravel.toBody(payload));
    }
}
