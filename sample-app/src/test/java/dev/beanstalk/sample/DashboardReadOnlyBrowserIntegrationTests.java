package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.TubeStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/** The sample's dashboard with {@code beanstalk.dashboard.read-only=true}, in real headless Chromium. */
@TestPropertySource(properties = "beanstalk.dashboard.read-only=true")
@Timeout(60)
class DashboardReadOnlyBrowserIntegrationTests extends DashboardInBrowserTests {

    @Test
    void showsNoActionAndRefusesAForgedPost() {
        long id = buried("dashboard-read-only", "{\"n\":1}");
        show("/#/tube/dashboard-read-only");

        browser.untilText("section[data-job-state='buried']", "#" + id);
        assertThat(browser.driver().findElement(By.id("mode")).getText()).isEqualTo("read-only");
        assertThat(browser.driver().findElements(By.cssSelector("button[data-action]"))).isEmpty();
        show("/#/listeners");
        browser.untilText("[data-listener='welcomeMailer']", "worker");
        assertThat(browser.driver().findElements(By.cssSelector("button[data-action]"))).isEmpty();
        browser.assertNoConsoleErrors();

        Object status = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('api/tube/clear', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'tube=dashboard-read-only&state=buried'}).then(r => done(r.status), e => done(String(e)));");

        assertThat(status).isEqualTo(403L);
        assertThat(client.statsTube("dashboard-read-only").map(TubeStats::currentJobsBuried)).contains(1L);
    }
}
