package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.TubeStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/** The sample's dashboard with {@code beanstalk.dashboard.read-only=true}, in real headless Chromium. */
@TestPropertySource(properties = "beanstalk.dashboard.read-only=true")
@Timeout(60)
class DashboardReadOnlyBrowserIntegrationTests extends SampleOnBeanstalkdTests {

    private static Browser browser;

    private static BeanstalkClient client;

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

    @Test
    void showsNoActionAndRefusesAForgedPost() {
        long id = buried("dashboard-read-only");
        browser.open("http://localhost:" + port + "/beanstalk/#/tube/dashboard-read-only");

        browser.untilText("section[data-job-state='buried']", "#" + id);
        assertThat(browser.driver().findElement(By.id("mode")).getText()).isEqualTo("read-only");
        assertThat(browser.driver().findElements(By.cssSelector("button[data-action]"))).isEmpty();
        browser.open("http://localhost:" + port + "/beanstalk/#/listeners");
        browser.untilText("[data-listener='welcomeMailer']", "worker");
        assertThat(browser.driver().findElements(By.cssSelector("button[data-action]"))).isEmpty();
        browser.assertNoConsoleErrors();

        Object status = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('api/tube/clear', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'tube=dashboard-read-only&state=buried'}).then(r => done(r.status), e => done(String(e)));");

        assertThat(status).isEqualTo(403L);
        assertThat(client.statsTube("dashboard-read-only").map(TubeStats::currentJobsBuried)).contains(1L);
    }

    private static long buried(String tube) {
        return DashboardBrowserIntegrationTests.buried(client, tube, "{\"n\":1}");
    }
}
