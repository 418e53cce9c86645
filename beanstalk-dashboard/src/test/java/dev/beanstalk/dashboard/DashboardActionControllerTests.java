package dev.beanstalk.dashboard;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.beanstalk.client.JobState;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Every dashboard action with MockMvc: what it does, and each refusal (read-only, invalid input, nothing there). */
class DashboardActionControllerTests {

    private final BeanstalkOperations operations = mock(BeanstalkOperations.class);
    private final BeanstalkListenerEndpointRegistry registry = mock(BeanstalkListenerEndpointRegistry.class);
    private final BeanstalkListenerContainer container = mock(BeanstalkListenerContainer.class);

    private MockMvc mvc(boolean readOnly) {
        DashboardActionController controller = new DashboardActionController(operations, () -> registry,
                new DashboardSettings("/beanstalk", readOnly));
        return MockMvcBuilders.standaloneSetup(controller).addPlaceholderValue("beanstalk.dashboard.path", "/beanstalk")
                .build();
    }

    @Test
    void kicksPausesResumesClearsAndMovesATube() throws Exception {
        when(operations.kick("orders", 5)).thenReturn(3L);
        when(operations.pauseTube("orders", Duration.ofSeconds(30))).thenReturn(true);
        when(operations.resumeTube("orders")).thenReturn(true);
        when(operations.clearTube("orders", JobState.BURIED)).thenReturn(2L);
        when(operations.moveBuried("orders", "retry")).thenReturn(4L);
        MockMvc mvc = mvc(false);

        mvc.perform(post("/beanstalk/api/tube/kick").param("tube", "orders").param("bound", "5"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.message").value("kicked 3 jobs"));
        mvc.perform(post("/beanstalk/api/tube/pause").param("tube", "orders").param("seconds", "30"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.message").value("paused orders"));
        mvc.perform(post("/beanstalk/api/tube/resume").param("tube", "orders"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.message").value("resumed orders"));
        mvc.perform(post("/beanstalk/api/tube/clear").param("tube", "orders").param("state", "buried"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.message").value("deleted 2 buried jobs"));
        mvc.perform(post("/beanstalk/api/tube/move-buried").param("tube", "orders").param("to", "retry"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.message").value("moved 4 jobs to retry"));
    }

    @Test
    void kicksAndDeletesAJob() throws Exception {
        when(operations.kickJob(7)).thenReturn(true);
        when(operations.delete(8)).thenReturn(true);
        MockMvc mvc = mvc(false);

        mvc.perform(post("/beanstalk/api/jobs/7/kick")).andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("kicked job 7"));
        mvc.perform(post("/beanstalk/api/jobs/8/delete")).andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("deleted job 8"));
        mvc.perform(post("/beanstalk/api/jobs/9/kick")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("job 9 is not buried or delayed"));
        mvc.perform(post("/beanstalk/api/jobs/9/delete")).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @CsvSource({"stop", "start", "pause", "resume"})
    void runsEachListenerAction(String action) throws Exception {
        when(registry.getListenerContainer("mailer")).thenReturn(container);

        mvc(false).perform(post("/beanstalk/api/listeners/mailer/" + action)).andExpect(status().isOk());

        switch (action) {
            case "stop" -> verify(container).stop();
            case "start" -> verify(container).start();
            case "pause" -> verify(container).pause();
            default -> verify(container).resume();
        }
    }

    @Test
    void refusesAnUnknownListenerOrAction() throws Exception {
        when(registry.getListenerContainer("mailer")).thenReturn(container);
        MockMvc mvc = mvc(false);

        mvc.perform(post("/beanstalk/api/listeners/nobody/stop")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no listener nobody"));
        mvc.perform(post("/beanstalk/api/listeners/mailer/explode")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("a listener action is stop, start, pause or resume, was explode"));
        verifyNoInteractions(container);
    }

    @Test
    void refusesInvalidInputBeforeReachingTheServer() throws Exception {
        when(operations.moveBuried(anyString(), anyString())).thenThrow(new IllegalArgumentException("bad tube"));
        MockMvc mvc = mvc(false);

        mvc.perform(post("/beanstalk/api/tube/kick").param("tube", "orders").param("bound", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bound must be at least 1, was 0"));
        mvc.perform(post("/beanstalk/api/tube/pause").param("tube", "orders").param("seconds", "-1"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/beanstalk/api/tube/clear").param("tube", "orders").param("state", "reserved"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("a tube's jobs to clear are ready, delayed or buried, was reserved"));
        mvc.perform(post("/beanstalk/api/tube/move-buried").param("tube", "orders").param("to", "x y"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bad tube"));
        mvc.perform(post("/beanstalk/api/tube/resume").param("tube", "gone")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no tube gone"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/beanstalk/api/tube/kick?tube=orders&bound=5", "/beanstalk/api/tube/pause?tube=orders&seconds=5",
        "/beanstalk/api/tube/resume?tube=orders", "/beanstalk/api/tube/clear?tube=orders&state=ready",
        "/beanstalk/api/tube/move-buried?tube=orders&to=retry", "/beanstalk/api/jobs/7/kick",
        "/beanstalk/api/jobs/7/delete", "/beanstalk/api/listeners/mailer/stop"})
    void readOnlyRefusesEveryAction(String uri) throws Exception {
        when(registry.getListenerContainer("mailer")).thenReturn(container);

        mvc(true).perform(post(uri)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("the dashboard is read-only (beanstalk.dashboard.read-only=true)"));

        verifyNoInteractions(operations, container);
    }

    @Test
    void actionsAreOnlyPosts() throws Exception {
        mvc(false).perform(get("/beanstalk/api/jobs/7/delete")).andExpect(status().isMethodNotAllowed());
        verify(operations, never()).delete(anyLong());
        verify(operations, never()).clearTube(anyString(), any());
    }
}
