package dev.beanstalk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.test.BeanstalkdFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** The overview of a fleet of two real beanstalkd: one panel per server, and a stopped one shown with its error. */
@Timeout(30)
class DashboardFleetIntegrationTests {

    private static BeanstalkdFleet fleet;
    private static BeanstalkClient client;
    private static BeanstalkTemplate template;

    @BeforeAll
    static void start() {
        fleet = BeanstalkdFleet.start(2);
        List<ServerAddress> addresses = fleet.servers().stream()
                .map(server -> new ServerAddress(server.host(), server.port())).toList();
        client = BeanstalkClient.create(ConnectionOptions.builder().servers(addresses)
                .reconnectDelay(Duration.ofMillis(50)).maxReconnectDelay(Duration.ofMillis(500)).build());
        template = BeanstalkTemplate.builder(client, new JsonJobConverter(JsonMapper.builder().build()))
                .defaultTube("fleet-overview").build();
    }

    @AfterAll
    static void stop() {
        client.close();
        fleet.close();
    }

    @Test
    void aStoppedServerIsUnreachableWhileTheOtherStillShowsAndSamplingSaysWhich() throws Exception {
        StatsSampler sampler = new StatsSampler(template, List::of, Duration.ofSeconds(1));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new DashboardApiController(new DashboardQueries(template,
                sampler, new ListenerFailures(), List::of))).addPlaceholderValue("beanstalk.dashboard.path",
                "/beanstalk").build();
        String first = address(0);
        String second = address(1);
        template.put("fleet-overview", Map.of("n", 1));
        template.put("fleet-overview", Map.of("n", 2));
        sampler.sample();
        assertThat(sampler.lastError()).isNull();

        mvc.perform(get("/beanstalk/api/overview")).andExpect(status().isOk())
                .andExpect(jsonPath("$.servers[0].address").value(first))
                .andExpect(jsonPath("$.servers[1].address").value(second))
                .andExpect(jsonPath("$.servers[0].stats.version").isNotEmpty())
                .andExpect(jsonPath("$.servers[1].stats.version").isNotEmpty());

        fleet.server(1).stop();
        sampler.sample();

        mvc.perform(get("/beanstalk/api/overview")).andExpect(status().isOk())
                .andExpect(jsonPath("$.servers.length()").value(2))
                .andExpect(jsonPath("$.servers[0].address").value(first))
                .andExpect(jsonPath("$.servers[0].stats.version").isNotEmpty())
                .andExpect(jsonPath("$.servers[0].stats.currentConnections").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.servers[0].error").doesNotExist())
                .andExpect(jsonPath("$.servers[1].address").value(second))
                .andExpect(jsonPath("$.servers[1].stats").doesNotExist())
                .andExpect(jsonPath("$.servers[1].error").isNotEmpty())
                .andExpect(jsonPath("$.samplingError").value(Matchers.startsWith(second + ": ")));
        assertThat(sampler.serverRates().times()).as("no sample of a partial sum").isEmpty();
    }

    private static String address(int index) {
        return fleet.server(index).host() + ":" + fleet.server(index).port();
    }
}
