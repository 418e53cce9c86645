package dev.beanstalk.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.test.BeanstalkdServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential conformance suite: every scenario of {@code src/test/resources/conformance} runs against the real
 * beanstalkd and against the embedded server; both must meet the scenario's expectations, and what the {@code ?}
 * steps captured must be the same on both, apart from the values that legitimately differ (pid, version, ...).
 * Scenarios with {@code kill} run the embedded server as a process, through its {@code Main}. Scenarios run in
 * parallel, since many of them wait for real seconds.
 */
class ConformanceIntegrationTests {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(8);
    private static final Path LAUNCHER = Target.embeddedLauncher();

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException, URISyntaxException {
        Path directory = Path.of(getClass().getResource("/conformance").toURI());
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(f -> scenarios.addAll(Scenario.parse(f)));
        }
        scenarios.sort(Comparator.comparing(ConformanceIntegrationTests::isSlow).reversed());
        List<Future<Runner.Transcript[]>> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(POOL.submit(() -> runOnBothAgreeing(scenario)));
        }
        return Stream.iterate(0, i -> i < scenarios.size(), i -> i + 1).map(i -> DynamicTest.dynamicTest(
                scenarios.get(i).toString(), () -> {
                    Runner.Transcript[] both = results.get(i).get();
                    assertThat(both[0].failures()).as("the real beanstalkd breaks the scenario").isEmpty();
                    assertThat(both[1].failures()).as("the embedded server breaks the scenario").isEmpty();
                    assertThat(both[1].captures()).as("captures, embedded vs real")
                            .containsExactlyElementsOf(both[0].captures());
                }));
    }

    private static boolean isSlow(Scenario scenario) {
        return scenario.steps().stream().anyMatch(s -> s.action().equals("sleep") || s.to() > 0.6
                || s.action().equals("kill") || s.action().equals("restart"));
    }

    /** Whether the scenario races the server: a hang-up, which a loaded real beanstalkd may see late. */
    private static boolean isRacy(Scenario scenario) {
        return scenario.steps().stream().anyMatch(s -> s.action().equals("close"));
    }

    /**
     * Runs a scenario on both servers; a timed or racy scenario that disagrees runs once more, since the real
     * beanstalkd's timers lag on a loaded machine (a TTR expiry seen late) and it may read a hang-up after a later
     * command, while a real difference disagrees every time.
     */
    private static Runner.Transcript[] runOnBothAgreeing(Scenario scenario) throws IOException {
        Runner.Transcript[] both = runOnBoth(scenario);
        if ((isSlow(scenario) || isRacy(scenario)) && !agree(both)) {
            both = runOnBoth(scenario);
        }
        return both;
    }

    private static boolean agree(Runner.Transcript[] both) {
        return both[0].failures().isEmpty() && both[1].failures().isEmpty()
                && both[0].captures().equals(both[1].captures());
    }

    private static Runner.Transcript[] runOnBoth(Scenario scenario) throws IOException {
        Path realBinlog = binlogDirectory(scenario);
        Path ourBinlog = binlogDirectory(scenario);
        try (Target real = target(null, scenario, realBinlog); Target ours = target(LAUNCHER, scenario, ourBinlog)) {
            return new Runner.Transcript[] {Runner.run(scenario, real), Runner.run(scenario, ours)};
        } finally {
            delete(realBinlog);
            delete(ourBinlog);
        }
    }

    private static Target target(Path launcher, Scenario scenario, Path binlog) {
        if (scenario.options().contains("unix")) {
            return Target.unix(launcher != null ? launcher : BeanstalkdServer.locateBinary(), scenario.options(), binlog);
        }
        if (launcher == null || needsProcess(scenario)) {
            return Target.process(launcher, scenario.options(), binlog);
        }
        return Target.inProcess(scenario.options(), binlog, LAUNCHER);
    }

    private static boolean needsProcess(Scenario scenario) {
        return scenario.steps().stream().anyMatch(s -> s.action().equals("kill"));
    }

    private static Path binlogDirectory(Scenario scenario) throws IOException {
        return scenario.options().contains("binlog") ? Files.createTempDirectory("conformance-binlog-") : null;
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
