package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.ServerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Starts the jar that {@code ./mvnw package} builds, as the README does (on the embedded beanstalkd it starts
 * itself), and drives it over HTTP; the build runs it twice, the second time in Spring AOT mode.
 */
class SampleAppEndToEndIntegrationTests {

    /** Whether the jar runs in Spring AOT mode, on the code {@code spring-boot:process-aot} generated. */
    private static final boolean AOT = Boolean.getBoolean("sample.aot");

    private static Process app;

    private static Path log;

    private static Http http;

    private static BeanstalkClient beanstalk;

    @BeforeAll
    static void startApp() throws IOException {
        Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));
        assertThat(jar).as("the jar spring-boot-maven-plugin repackages in the package phase").isRegularFile();
        int port = freePort();
        log = Files.createTempFile("sample-app", ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Dspring.aot.enabled=" + AOT, "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--beanstalk.listener.retry.initial-delay=1s", "--beanstalk.listener.retry.multiplier=1",
                "--sample.reminder-delay=1s"));
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        http = new Http(port);
        Await.until(Duration.ofSeconds(60), "the sample is up (log: " + log + ")", SampleAppEndToEndIntegrationTests::up);
        assertThat(Files.readString(log)).as("the log of a run %s Spring AOT", AOT ? "in" : "without")
                .containsOnlyOnce(AOT ? "Starting AOT-processed SampleApplication" : "Starting SampleApplication");
        ServerAddress server = embeddedServer();
        beanstalk = BeanstalkClient.create(server.host(), server.port());
    }

    @AfterAll
    static void stopApp() throws InterruptedException {
        if (beanstalk != null) {
            beanstalk.close();
        }
        if (app != null) {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void healthIsUpWithTheEmbeddedServer() {
        Http.Response health = http.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        JsonNode beanstalkd = health.json().get("components").get("beanstalk");
        assertThat(beanstalkd.get("status").asString()).isEqualTo("UP");
        assertThat(beanstalkd.get("details").get("version").asString()).isEqualTo("1.12");
        assertThat(http.get("/actuator/metrics").json().get("names").toString()).contains("jvm.memory.used");
    }

    @Test
    void registrationIsWelcomedAndRemindedLater() {
        Http.Response posted = http.postJson("/users", "{\"id\":1,\"name\":\"test\"}");
        assertThat(posted.status()).isEqualTo(202);
        long jobId = posted.json().get("jobId").asLong();
        long reminderJobId = posted.json().get("reminderJobId").asLong();

        Await.until(Duration.ofSeconds(10), "user 1 is welcomed", () -> contains("/users/welcomed", 1));
        assertThat(http.get("/admin/jobs/" + jobId).status()).as("the welcomed job is deleted").isEqualTo(404);
        Await.until(Duration.ofSeconds(10), "user 1 is reminded", () -> contains("/users/reminded", 1));
        assertThat(http.get("/admin/jobs/" + reminderJobId).status()).isEqualTo(404);
        Http.Response handled = http.get("/actuator/metrics/beanstalk.listener.jobs?tag=outcome:deleted");
        assertThat(handled.status()).isEqualTo(200);
        assertThat(handled.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void putsAndHandledJobsAreObserved() {
        http.postJson("/users", "{\"id\":7,\"name\":\"observed\"}");

        Await.until(Duration.ofSeconds(10), "user 7 is welcomed", () -> contains("/users/welcomed", 7));
        Http.Response put = http.get("/actuator/metrics/beanstalk.template?tag=tube:userReg&tag=outcome:success");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        Await.until(Duration.ofSeconds(10), "the handled job is observed", () -> http.get(
                "/actuator/metrics/beanstalk.listener?tag=tube:userReg&tag=listener:welcomeMailer&tag=outcome:success")
                .status() == 200);
        assertThat(logLines()).as("the handler logs inside its job's span, with its trace id")
                .anyMatch(line -> line.contains("Welcome mail sent to user 7 (observed)")
                        && line.matches(".*\\[[0-9a-f]{32}-[0-9a-f]{16}\\].*"));
    }

    private static List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void failingRegistrationIsRetriedThenMovedToTheDeadLetterTubeAndListedThroughAdmin() {
        long jobId = http.postJson("/users", "{\"id\":2,\"name\":\"fail\"}").json().get("jobId").asLong();

        JsonNode letter = awaitDeadLetter(jobId);
        assertThat(letter.get("body").asString()).isEqualTo("{\"id\":2,\"name\":\"fail\"}");
        assertThat(letter.get("originalTube").asString()).isEqualTo("userReg");
        assertThat(letter.get("failure").asString()).contains("refused the welcome mail");
        assertThat(http.get("/admin/jobs/" + jobId).status()).as("the original is deleted").isEqualTo(404);
        assertThat(http.get("/users/failed").json().toString()).contains("\"attempt\":3").doesNotContain(
                "\"attempt\":4");
        long copy = letter.get("id").asLong();
        assertThat(http.get("/admin/tubes/failed/ready").json().get("body").asString())
                .isEqualTo("{\"id\":2,\"name\":\"fail\"}");
        assertThat(http.delete("/admin/jobs/" + copy).json().get("deleted").asLong()).isEqualTo(copy);
        assertThat(http.get("/admin/dead-letters").json().get("jobs").toString()).doesNotContain(
                "\"originalJobId\":" + jobId + ",");
    }

    @Test
    void buriedJobIsPeekedAndKickedThroughAdmin() {
        long jobId = buryOne("parked", "{\"parked\":true}");

        assertThat(http.get("/admin/tubes/parked/buried").json().get("body").asString()).isEqualTo("{\"parked\":true}");
        assertThat(http.get("/admin/tubes/parked").json().get("currentJobsBuried").asLong()).isEqualTo(1);
        Http.Response kicked = http.post("/admin/jobs/" + jobId + "/kick");
        assertThat(kicked.status()).isEqualTo(200);
        assertThat(kicked.json().get("id").asLong()).isEqualTo(jobId);
        assertThat(kicked.json().get("state").asString()).isEqualTo("ready");
        assertThat(state(jobId)).isEqualTo("READY");
        assertThat(http.delete("/admin/jobs/" + jobId).json().get("deleted").asLong()).isEqualTo(jobId);

        long again = buryOne("parked", "{\"parked\":2}");
        assertThat(http.post("/admin/tubes/parked/kick?bound=10").json().get("kicked").asLong()).isEqualTo(1);
        assertThat(http.get("/admin/jobs/" + again).json().get("kicks").asLong()).isEqualTo(1);
        assertThat(http.delete("/admin/jobs/" + again).status()).isEqualTo(200);
        assertThat(http.get("/admin/jobs/" + again).status()).isEqualTo(404);
    }

    @Test
    void bodyThatIsNotJsonForTheTypeIsDeadLetteredAtOnce() {
        long jobId = beanstalk.put("userReg", "{\"id\":3,".getBytes(StandardCharsets.UTF_8),
                JobOptions.DEFAULT);

        JsonNode letter = awaitDeadLetter(jobId);
        assertThat(letter.get("body").asString()).isEqualTo("{\"id\":3,");
        assertThat(letter.get("failure").asString()).contains("JobConversionException");
        assertThat(http.delete("/admin/jobs/" + letter.get("id").asLong()).status()).isEqualTo(200);
    }

    @Test
    void registrationWithoutANameIsDeadLetteredAtOnceAndRefusedOverHttp() {
        long jobId = beanstalk.put("userReg", "{\"id\":5}".getBytes(StandardCharsets.UTF_8), JobOptions.DEFAULT);

        JsonNode letter = awaitDeadLetter(jobId);
        assertThat(http.delete("/admin/jobs/" + letter.get("id").asLong()).status()).isEqualTo(200);
        assertThat(http.postJson("/users", "{\"id\":5}").status()).isEqualTo(400);
        assertThat(http.postJson("/users", "{\"id\":5,").status()).isEqualTo(400);
    }

    @Test
    void pauseAndResumeTube() {
        http.postJson("/users", "{\"id\":4,\"name\":\"test\"}");
        Http.Response paused = http.post("/admin/tubes/reminders/pause?seconds=60");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();

        Http.Response resumed = http.post("/admin/tubes/reminders/resume");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("paused").asBoolean()).isFalse();
        assertThat(http.get("/admin/tubes").json().toString()).contains("\"userReg\"", "\"reminders\"");
        assertThat(http.get("/admin/stats").json().get("version").asString()).isEqualTo("1.12");
    }

    @Test
    void missingJobsAndTubesAre404AndBadTubeNamesAre400() {
        Http.Response noJob = http.get("/admin/jobs/999999");
        assertThat(noJob.status()).isEqualTo(404);
        assertThat(noJob.json().get("detail").asString()).isEqualTo("No job 999999");
        assertThat(http.get("/admin/jobs/999999/peek").status()).isEqualTo(404);
        assertThat(http.post("/admin/jobs/999999/kick").status()).isEqualTo(404);
        assertThat(http.delete("/admin/jobs/999999").status()).isEqualTo(404);

        Http.Response noTube = http.get("/admin/tubes/nosuchtube");
        assertThat(noTube.status()).isEqualTo(404);
        assertThat(noTube.json().get("detail").asString()).isEqualTo("No tube 'nosuchtube'");
        assertThat(http.post("/admin/tubes/nosuchtube/pause?seconds=5").status()).isEqualTo(404);
        assertThat(http.post("/admin/tubes/nosuchtube/resume").status()).isEqualTo(404);
        assertThat(http.get("/admin/tubes/nosuchtube/ready").status()).isEqualTo(404);
        assertThat(http.get("/admin/tubes/userReg/delayed").json().get("detail").asString())
                .isEqualTo("Tube 'userReg' has no delayed job");

        long ready = beanstalk.put("unwatched", "{}".getBytes(StandardCharsets.UTF_8), JobOptions.DEFAULT);
        Http.Response notKickable = http.post("/admin/jobs/" + ready + "/kick");
        assertThat(notKickable.status()).isEqualTo(409);
        assertThat(notKickable.json().get("detail").asString()).isEqualTo("Job " + ready
                + " is ready and cannot be kicked; only buried or delayed jobs can be");

        Http.Response badTube = http.get("/admin/tubes/-bad");
        assertThat(badTube.status()).isEqualTo(400);
        assertThat(badTube.json().get("detail").asString()).isEqualTo("tube name '-bad' must not start with '-'");
        assertThat(http.get("/admin/jobs/0").status()).isEqualTo(400);
    }

    private static boolean up() {
        if (!app.isAlive()) {
            throw new AssertionError("the sample exited with " + app.exitValue() + "; log:\n" + readLog());
        }
        try {
            return http.get("/actuator/health").status() == 200;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    /** The beanstalkd the sample uses, from its health details, such as {@code [127.0.0.1:41235]}. */
    private static ServerAddress embeddedServer() {
        String servers = http.get("/actuator/health").json().get("components").get("beanstalk").get("details")
                .get("servers").asString();
        return ServerAddress.parse(servers.substring(1, servers.length() - 1));
    }

    /** The entry of GET /admin/dead-letters for the job {@code originalJobId}, once it is there. */
    private static JsonNode awaitDeadLetter(long originalJobId) {
        Await.until(Duration.ofSeconds(15), "job " + originalJobId + " is in the dead-letter tube",
                () -> deadLetter(originalJobId) != null);
        return deadLetter(originalJobId);
    }

    private static JsonNode deadLetter(long originalJobId) {
        JsonNode tube = http.get("/admin/dead-letters").json();
        for (JsonNode job : tube.get("jobs")) {
            if (job.get("originalJobId").asLong() == originalJobId) {
                assertThat(tube.get("tube").asString()).isEqualTo("failed");
                return job;
            }
        }
        return null;
    }

    /** Puts a job into {@code tube}, which no listener watches, and buries it, as a worker of another app would. */
    private static long buryOne(String tube, String body) {
        ServerAddress server = embeddedServer();
        try (BeanstalkConnection connection = BeanstalkConnection.open(server.host(), server.port())) {
            connection.use(tube);
            long id = connection.put(body.getBytes(StandardCharsets.UTF_8));
            connection.watch(tube);
            connection.ignore("default");
            long reserved = connection.reserve(Duration.ofSeconds(5)).reservedJob().orElseThrow().id();
            assertThat(reserved).isEqualTo(id);
            assertThat(connection.bury(id, JobOptions.DEFAULT_PRIORITY)).isTrue();
            return id;
        }
    }

    private static String state(long jobId) {
        Http.Response stats = http.get("/admin/jobs/" + jobId);
        return stats.status() == 200 ? stats.json().get("state").asString() : null;
    }

    private static boolean contains(String path, long userId) {
        for (JsonNode user : http.get(path).json()) {
            if (user.get("id").asLong() == userId) {
                return true;
            }
        }
        return false;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
