package dev.beanstalk.dashboard;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.core.BeanstalkOperations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The read side of the JSON API with MockMvc: each server, tubes, a tube, a job, and what is not there. */
class DashboardApiControllerTests {

    private final BeanstalkOperations operations = mock(BeanstalkOperations.class);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DashboardApiController(new DashboardQueries(
            operations, new StatsSampler(operations, List::of, Duration.ofSeconds(1)), new ListenerFailures(),
            List::of))).addPlaceholderValue("beanstalk.dashboard.path", "/beanstalk").build();

    @Test
    void theOverviewShowsEachServerOnItsOwnAndADownOneWithItsError() throws Exception {
        when(operations.servers()).thenReturn(List.of(new ServerAddress("q1", 11300), new ServerAddress("q2", 11301)));
        when(operations.stats(0)).thenReturn(stats(7, true));
        when(operations.stats(1)).thenThrow(new BeanstalkConnectionException("connection to q2:11301 refused"));

        mvc.perform(get("/beanstalk/api/overview")).andExpect(status().isOk())
                .andExpect(jsonPath("$.servers.length()").value(2))
                .andExpect(jsonPath("$.servers[0].address").value("q1:11300"))
                .andExpect(jsonPath("$.servers[0].stats.version").value("1.12"))
                .andExpect(jsonPath("$.servers[0].stats.ready").value(7))
                .andExpect(jsonPath("$.servers[0].stats.currentConnections").value(3))
                .andExpect(jsonPath("$.servers[0].stats.draining").value(true))
                .andExpect(jsonPath("$.servers[0].error").doesNotExist())
                .andExpect(jsonPath("$.servers[1].address").value("q2:11301"))
                .andExpect(jsonPath("$.servers[1].stats").doesNotExist())
                .andExpect(jsonPath("$.servers[1].error").value("connection to q2:11301 refused"));
    }

    private static ServerStats stats(long ready, boolean draining) {
        return new ServerStats(0, ready, 0, 0, 0, ready, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, ready, 65535, 1, 3, 1, 0, 0, 3, 42, "1.12", Duration.ZERO, Duration.ZERO, Duration.ofSeconds(9),
                0, 0, 0, 0, 10_485_760, draining, "id", "q1", "Linux", "x86_64");
    }

    @Test
    void listsTubesAndShowsATubeWithItsNextJobs() throws Exception {
        TubeStats stats = new TubeStats("a/b", 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO);
        when(operations.listTubes()).thenReturn(List.of("a/b"));
        when(operations.statsTube("a/b")).thenReturn(Optional.of(stats));
        byte[] body = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        when(operations.peekReady("a/b")).thenReturn(Optional.of(new Job(5, body)));
        when(operations.statsJob(5)).thenReturn(Optional.of(new JobStats(5, "a/b", JobState.READY, 1024,
                Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(60), Duration.ZERO, 0, 0, 0, 0, 0, 0)));

        mvc.perform(get("/beanstalk/api/tubes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].stats.name").value("a/b")).andExpect(jsonPath("$[0].stats.ready").value(1));
        mvc.perform(get("/beanstalk/api/tube").param("name", "a/b")).andExpect(status().isOk())
                .andExpect(jsonPath("$.ready.stats.state").value("ready"))
                .andExpect(jsonPath("$.ready.stats.ttrSeconds").value(60))
                .andExpect(jsonPath("$.ready.body.format").value("text"))
                .andExpect(jsonPath("$.ready.body.text").value("<script>alert(1)</script>"))
                .andExpect(jsonPath("$.buried").doesNotExist());
    }

    @Test
    void answers404ForATubeOrJobThatIsNotThere() throws Exception {
        when(operations.statsTube("gone")).thenReturn(Optional.empty());
        when(operations.peek(9)).thenReturn(Optional.empty());

        mvc.perform(get("/beanstalk/api/tube").param("name", "gone")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no tube gone"));
        mvc.perform(get("/beanstalk/api/jobs/9")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no job 9"));
    }
}
