package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.TubeStats;
import dev.beanstalk.sample.users.Registrations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.test.context.TestPropertySource;

/**
 * The sample's dashboard (actions enabled, as the sample ships it) in real headless Chromium on a real beanstalkd:
 * what it shows, and acting from the page; no test leaves an error in the browser's console.
 */
@TestPropertySource(properties = "beanstalk.dashboard.sample-interval=1s")
@Timeout(60)
class DashboardBrowserIntegrationTests extends DashboardInBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    @Test
    void theOverviewShowsTheServerAndItsRates() {
        for (int i = 0; i < 20; i++) {
            beanstalk.put("dashboard-overview", Map.of("n", i));
        }
        show("/");

        browser.untilText("#server", beanstalk.stats().version());
        assertThat(browser.driver().findElement(By.cssSelector("#mode")).getText()).isEqualTo("actions enabled");
        browser.until("the chart has points", driver -> !driver.findElements(By.cssSelector("svg.chart polyline"))
                .get(0).getAttribute("points").isEmpty());
        browser.screenshot(SCREENSHOTS.resolve("overview.png"));
    }

    @Test
    void aPutAppearsInItsTubesCountsAndTheFilterKeepsOnlyMatchingTubes() {
        show("/#/tubes");
        browser.untilText("#tubes", Registrations.USER_REG);

        beanstalk.put("dashboard-put", Map.of("n", 1));

        String ready = browser.untilText("tr[data-tube='dashboard-put'] td[data-count='ready']", "1");
        assertThat(ready).isEqualTo("1");
        browser.driver().findElement(By.id("tube-filter")).sendKeys("dashboard-put");
        browser.until("only the matching tube is listed", driver -> driver.findElements(By.cssSelector("#tubes tbody tr"))
                .size() == 1);
        browser.screenshot(SCREENSHOTS.resolve("tubes.png"));
    }

    @Test
    void aBuriedJobIsShownThenKickedFromThePageAndHandled() {
        long id = buried(Registrations.USER_REG, "{\"id\":4242,\"name\":\"kicked\"}");
        show("/#/tube/" + Registrations.USER_REG);

        browser.untilText("section[data-job-state='buried']", "#" + id);
        browser.untilText("section[data-job-state='buried'] pre[data-body]", "\"name\" : \"kicked\"");
        browser.screenshot(SCREENSHOTS.resolve("tube.png"));
        browser.click("section[data-job-state='buried'] button[data-action='kick-job']");

        browser.untilText("#toast", "kicked job " + id);
        browser.until("the listener welcomed the kicked user", driver -> welcomed(4242));
    }

    @Test
    void aJobIsFoundByItsId() {
        long id = beanstalk.putWithDelay("dashboard-lookup", Map.of("found", true), Duration.ofHours(1));
        show("/");
        browser.untilText("#server", "VERSION");

        browser.driver().findElement(By.id("lookup-id")).sendKeys(Long.toString(id), Keys.ENTER);

        browser.untilText("section[data-job-id='" + id + "']", "dashboard-lookup");
        browser.untilText("section[data-job-id='" + id + "'] pre[data-body]", "\"found\" : true");
    }

    @Test
    void pauseAndResumeFromThePageChangeTheTubesState() {
        beanstalk.put("dashboard-pause", Map.of("n", 1));
        show("/#/tube/dashboard-pause");
        browser.untilText("#tube-state", "active");

        browser.click("button[data-action='pause']");
        browser.untilText("#tube-state", "paused");
        assertThat(beanstalk.statsTube("dashboard-pause").map(TubeStats::isPaused)).contains(true);

        browser.click("button[data-action='resume']");
        browser.untilText("#tube-state", "active");
        assertThat(beanstalk.statsTube("dashboard-pause").map(TubeStats::isPaused)).contains(false);
    }

    @Test
    void buriedJobsAreMovedToAnotherTubeFromThePage() {
        buried("dashboard-move", "{\"n\":1}");
        buried("dashboard-move", "{\"n\":2}");
        show("/#/tube/dashboard-move");
        browser.untilText("#tube-counts", "2");

        browser.driver().findElement(By.id("move-to")).sendKeys("dashboard-moved");
        browser.click("button[data-action='move-buried']");

        browser.untilText("#toast", "moved 2 jobs to dashboard-moved");
        assertThat(beanstalk.statsTube("dashboard-moved").map(TubeStats::currentJobsReady)).contains(2L);
    }

    @Test
    void aScriptInABodyIsShownAsTextAndNeverRun() {
        String body = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
        client.put("dashboard-xss", body.getBytes(StandardCharsets.UTF_8));
        show("/#/tube/dashboard-xss");

        String shown = browser.untilText("section[data-job-state='ready'] pre[data-body]", "<script>");

        assertThat(shown).isEqualTo(body);
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.driver().findElements(By.cssSelector("#view script, #view img"))).isEmpty();
    }

    @Test
    void theListenersPageShowsTheContainersAndPausesOne() {
        show("/#/listeners");
        String mailer = browser.untilText("[data-listener='welcomeMailer']", Registrations.USER_REG);
        assertThat(mailer).containsIgnoringCase("deleted").contains("worker");

        browser.click("[data-listener='welcomeMailer'] button[data-action='Pause']");
        browser.untilText("[data-listener='welcomeMailer'] [data-state]", "paused");
        browser.click("[data-listener='welcomeMailer'] button[data-action='Resume']");
        browser.untilText("[data-listener='welcomeMailer'] [data-state]", "running");
    }
}
