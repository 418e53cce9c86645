package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, both found on PATH (nothing is downloaded), with a fresh
 * profile; it fails with the install command when either is missing.
 */
final class Browser implements AutoCloseable {

    static final String INSTALL_HINT = "apt-get update && apt-get install -y chromium chromium-driver";

    private final Path profile;
    private final ChromeDriver driver;
    private final FluentWait<WebDriver> wait;

    Browser() {
        Path chromium = onPath("chromium");
        Path chromedriver = onPath("chromedriver");
        try {
            profile = Files.createTempDirectory("dashboard-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1360,900",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class);
    }

    static Path onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(command + " is not on PATH; the browser tests need Debian's Chromium: "
                + INSTALL_HINT);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Waits until the condition holds (is neither null nor false) and returns its value; the page redraws itself, so an
     * element that went stale meanwhile is looked up again.
     */
    <T> T until(String what, Function<WebDriver, T> condition) {
        return wait.withMessage(what).until(condition);
    }

    /**
     * Waits until an element matching {@code css} shows {@code text} somewhere in its text, and returns that element's
     * whole text (the page redraws itself, so elements are not kept).
     */
    String untilText(String css, String text) {
        return until(css + " shows " + text, driver -> {
            return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText)
                    .filter(shown -> shown.contains(text)).findFirst().orElse(null);
        });
    }

    /** Waits for the page's confirmation dialog and accepts it. */
    void accept() {
        until("a confirmation dialog", ExpectedConditions.alertIsPresent()).accept();
    }

    /** Clicks the element matching {@code css} once it is there; the page redraws, so it is looked up afresh. */
    void click(String css) {
        until("a clickable " + css, driver -> {
            List<WebElement> elements = driver.findElements(By.cssSelector(css));
            if (elements.isEmpty() || !elements.get(0).isDisplayed()) {
                return null;
            }
            elements.get(0).click();
            return true;
        });
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console logs at level SEVERE since the last call: errors of the page's scripts, failed loads. */
    void assertNoConsoleErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("severe browser console logs").isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
