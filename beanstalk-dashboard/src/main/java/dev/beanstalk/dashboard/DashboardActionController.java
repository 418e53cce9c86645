package dev.beanstalk.dashboard;

import dev.beanstalk.client.JobState;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's actions, POSTs under {@code <path>/api}: every one answers 403 when the dashboard is read-only, 400
 * for invalid input and 404 when its tube, job or listener is gone. Each action is logged.
 */
@RestController
@RequestMapping("${beanstalk.dashboard.path:/beanstalk}/api")
public class DashboardActionController {

    private static final Log log = LogFactory.getLog(DashboardActionController.class);

    private final BeanstalkOperations operations;
    private final Supplier<@Nullable BeanstalkListenerEndpointRegistry> registry;
    private final DashboardSettings settings;

    public DashboardActionController(BeanstalkOperations operations,
            Supplier<@Nullable BeanstalkListenerEndpointRegistry> registry, DashboardSettings settings) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @PostMapping("/tube/kick")
    public ResponseEntity<Map<String, Object>> kick(@RequestParam String tube, @RequestParam long bound) {
        return act("kick " + bound + " in " + tube, () -> {
            requirePositive("bound", bound);
            return done("kicked " + operations.kick(tube, bound) + " jobs");
        });
    }

    @PostMapping("/tube/pause")
    public ResponseEntity<Map<String, Object>> pause(@RequestParam String tube, @RequestParam long seconds) {
        return act("pause " + tube + " for " + seconds + "s", () -> {
            requirePositive("seconds", seconds);
            return found(operations.pauseTube(tube, Duration.ofSeconds(seconds)), "paused " + tube, "no tube " + tube);
        });
    }

    @PostMapping("/tube/resume")
    public ResponseEntity<Map<String, Object>> resume(@RequestParam String tube) {
        return act("resume " + tube, () -> found(operations.resumeTube(tube), "resumed " + tube, "no tube " + tube));
    }

    /** Deletes the tube's jobs in {@code state}: {@code ready}, {@code delayed} or {@code buried}. */
    @PostMapping("/tube/clear")
    public ResponseEntity<Map<String, Object>> clear(@RequestParam String tube, @RequestParam String state) {
        return act("clear the " + state + " jobs of " + tube, () -> {
            JobState jobState = clearable(state);
            return done("deleted " + operations.clearTube(tube, jobState) + " " + jobState.wireName() + " jobs");
        });
    }

    @PostMapping("/tube/move-buried")
    public ResponseEntity<Map<String, Object>> moveBuried(@RequestParam String tube, @RequestParam String to) {
        return act("move the buried jobs of " + tube + " to " + to,
                () -> done("moved " + operations.moveBuried(tube, to) + " jobs to " + to));
    }

    @PostMapping("/jobs/{id}/kick")
    public ResponseEntity<Map<String, Object>> kickJob(@PathVariable long id) {
        return act("kick job " + id,
                () -> found(operations.kickJob(id), "kicked job " + id, "job " + id + " is not buried or delayed"));
    }

    @PostMapping("/jobs/{id}/delete")
    public ResponseEntity<Map<String, Object>> deleteJob(@PathVariable long id) {
        return act("delete job " + id,
                () -> found(operations.delete(id), "deleted job " + id, "no job " + id + " (or a worker holds it)"));
    }

    /** Runs {@code action} ({@code stop}, {@code start}, {@code pause} or {@code resume}) on a listener container. */
    @PostMapping("/listeners/{id}/{action}")
    public ResponseEntity<Map<String, Object>> listener(@PathVariable String id, @PathVariable String action) {
        return act(action + " listener " + id, () -> {
            BeanstalkListenerEndpointRegistry endpoints = registry.get();
            BeanstalkListenerContainer container = endpoints == null ? null : endpoints.getListenerContainer(id);
            if (container == null) {
                return reply(HttpStatus.NOT_FOUND, "no listener " + id);
            }
            ListenerActions.run(container, action);
            return done(action + " listener " + id);
        });
    }

    private ResponseEntity<Map<String, Object>> act(String description, Supplier<ResponseEntity<Map<String, Object>>> action) {
        if (settings.readOnly()) {
            return reply(HttpStatus.FORBIDDEN, "the dashboard is read-only (beanstalk.dashboard.read-only=true)");
        }
        try {
            ResponseEntity<Map<String, Object>> response = action.get();
            log.info("Beanstalk dashboard: " + description + ": " + response.getBody());
            return response;
        } catch (IllegalArgumentException e) {
            return reply(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
        }
    }

    private static JobState clearable(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "ready" -> JobState.READY;
            case "delayed" -> JobState.DELAYED;
            case "buried" -> JobState.BURIED;
            default -> throw new IllegalArgumentException("a tube's jobs to clear are ready, delayed or buried, was "
                    + state);
        };
    }

    private static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static ResponseEntity<Map<String, Object>> found(boolean found, String done, String missing) {
        return found ? done(done) : reply(HttpStatus.NOT_FOUND, missing);
    }

    private static ResponseEntity<Map<String, Object>> done(String message) {
        return ResponseEntity.ok(Map.of("message", message));
    }

    private static ResponseEntity<Map<String, Object>> reply(HttpStatus status, String error) {
        return ResponseEntity.status(status).body(Map.of("error", error));
    }
}
