package dev.beanstalk.examples;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.beanstalk.examples.dashboard.DashboardSecurity;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard behind {@link DashboardSecurity}'s rule, with actions enabled, on a real beanstalkd: unauthenticated,
 * wrong-role and CSRF-less requests are refused; an operator reads, acts with the page's CSRF token.
 */
@Beanstalkd
@Timeout(60)
@SpringBootTest(properties = {"beanstalk.dashboard.enabled=true", "beanstalk.dashboard.read-only=false"})
@AutoConfigureMockMvc
class DashboardSecurityIntegrationTests {

    private static BeanstalkdServer server;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void start(BeanstalkdServer started) {
        server = started;
    }

    @DynamicPropertySource
    static void beanstalk(DynamicPropertyRegistry properties) {
        properties.add("beanstalk.host", () -> server.host());
        properties.add("beanstalk.port", () -> server.port());
    }

    @Test
    void refusesUnauthenticatedRequests() throws Exception {
        mvc.perform(get("/beanstalk")).andExpect(status().isUnauthorized());
        mvc.perform(get("/beanstalk/api/overview")).andExpect(status().isUnauthorized());
        mvc.perform(post("/beanstalk/api/tube/resume").param("tube", "default").with(csrf()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesTheWrongRole() throws Exception {
        mvc.perform(get("/beanstalk/api/tubes").with(user("dev").roles("USER"))).andExpect(status().isForbidden());
        mvc.perform(post("/beanstalk/api/tube/resume").param("tube", "default").with(csrf())
                .with(user("dev").roles("USER"))).andExpect(status().isForbidden());
    }

    @Test
    void refusesAnActionWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/beanstalk/api/tube/resume").param("tube", "default").with(user("ops").roles("OPS")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/beanstalk/api/tube/resume").param("tube", "default").with(csrf().useInvalidToken())
                .with(user("ops").roles("OPS"))).andExpect(status().isForbidden());
    }

    @Test
    void anOperatorReadsAndActsWithTheTokenThePageCarries() throws Exception {
        mvc.perform(get("/beanstalk").with(user("ops").roles("OPS"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-csrf-header=\"X-CSRF-TOKEN\"")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*data-csrf-token=\"[^\"]+\".*")));
        mvc.perform(get("/beanstalk/api/overview").with(user("ops").roles("OPS"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.servers[0].stats.version").isNotEmpty());
        mvc.perform(post("/beanstalk/api/tube/resume").param("tube", "default").with(csrf())
                .with(user("ops").roles("OPS"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("resumed default"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(DashboardSecurity.class)
    static class App {
    }
}
