package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.JobOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sample on its own real beanstalkd, one headless Chromium per class, and a client of the server. */
abstract class DashboardInBrowserTests extends SampleOnBeanstalkdTests {

    static Browser browser;

    static BeanstalkClient client;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
        client = BeanstalkClient.create(server.host(), server.port());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (client != null) {
            client.close();
        }
    }

    /** Opens the dashboard's {@code route} ({@code /#/tubes}, ...). */
    void show(String route) {
        browser.open("http://localhost:" + port + "/beanstalk" + route);
    }

    /** A job put into {@code tube} and buried before any worker could take it: put delayed, reserved by id, buried. */
    static long buried(String tube, String body) {
        try (BeanstalkConnection connection = client.openConnection()) {
            connection.use(tube);
            long id = connection.put(body.getBytes(StandardCharsets.UTF_8),
                    JobOptions.DEFAULT.withDelay(Duration.ofHours(1)));
            assertThat(connection.reserveJob(id)).isPresent();
            assertThat(connection.bury(id, JobOptions.DEFAULT_PRIORITY)).isTrue();
            return id;
        }
    }
}
