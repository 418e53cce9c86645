package dev.beanstalk.sample.admin;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.core.BeanstalkOperations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The maintenance commands of beanstalkd over HTTP, one endpoint per Pheanstalk method. */
@RestController
@RequestMapping("/admin")
public class AdminController {

    private final BeanstalkOperations beanstalk;
    private final DeadLetters deadLetters;
    private final String deadLetterTube;

    public AdminController(BeanstalkOperations beanstalk, DeadLetters deadLetters,
            @Value("${beanstalk.listener.dead-letter-tube}") String deadLetterTube) {
        this.beanstalk = beanstalk;
        this.deadLetters = deadLetters;
        this.deadLetterTube = deadLetterTube;
    }

    /** A job in the dead-letter tube: its body unchanged, and where it failed when this application moved it. */
    public record DeadLetterView(long id, String body, Long originalJobId, String originalTube, String failure) {
    }

    /** The dead-letter tube: how many jobs it holds, and those this application moved there that are still in it. */
    public record DeadLetterTubeView(String tube, long ready, List<DeadLetterView> jobs) {
    }

    /** A job's id and its body as UTF-8 text. */
    public record JobView(long id, String body) {

        static JobView of(Job job) {
            return new JobView(job.id(), job.bodyAsString());
        }
    }

    /** A job a kick made ready (a listener may have taken it since). */
    public record KickedJob(long id, String state) {
    }

    /** Pheanstalk {@code stats()}. */
    @GetMapping("/stats")
    public ServerStats stats() {
        return beanstalk.stats();
    }

    /** Pheanstalk {@code listTubes()}. */
    @GetMapping("/tubes")
    public List<String> tubes() {
        return beanstalk.listTubes().stream().sorted().toList();
    }

    /** Pheanstalk {@code statsTube($tube)}. */
    @GetMapping("/tubes/{tube}")
    public TubeStats tube(@PathVariable String tube) {
        return beanstalk.statsTube(tube).orElseThrow(() -> noTube(tube));
    }

    /**
     * The dead-letter tube: its ready count (jobs put there by any application) and the jobs this one moved there,
     * newest first, while they are still there.
     */
    @GetMapping("/dead-letters")
    public DeadLetterTubeView deadLetters() {
        long ready = beanstalk.statsTube(deadLetterTube).map(TubeStats::currentJobsReady).orElse(0L);
        List<DeadLetterView> jobs = deadLetters.recent().stream()
                .flatMap(letter -> beanstalk.peek(letter.id()).stream().map(job -> new DeadLetterView(job.id(),
                        job.bodyAsString(), letter.originalJobId(), letter.originalTube(), letter.failure())))
                .toList();
        return new DeadLetterTubeView(deadLetterTube, ready, jobs);
    }

    /** Pheanstalk {@code statsJob($job)}. */
    @GetMapping("/jobs/{id}")
    public JobStats job(@PathVariable long id) {
        return beanstalk.statsJob(id).orElseThrow(() -> noJob(id));
    }

    /** Pheanstalk {@code peek($job)}. */
    @GetMapping("/jobs/{id}/peek")
    public JobView peek(@PathVariable long id) {
        return beanstalk.peek(id).map(JobView::of).orElseThrow(() -> noJob(id));
    }

    /** Pheanstalk {@code peekReady()} of a tube. */
    @GetMapping("/tubes/{tube}/ready")
    public JobView peekReady(@PathVariable String tube) {
        return peeked(beanstalk.peekReady(tube), tube, "ready");
    }

    /** Pheanstalk {@code peekDelayed()} of a tube. */
    @GetMapping("/tubes/{tube}/delayed")
    public JobView peekDelayed(@PathVariable String tube) {
        return peeked(beanstalk.peekDelayed(tube), tube, "delayed");
    }

    /** Pheanstalk {@code peekBuried()} of a tube. */
    @GetMapping("/tubes/{tube}/buried")
    public JobView peekBuried(@PathVariable String tube) {
        return peeked(beanstalk.peekBuried(tube), tube, "buried");
    }

    /** Pheanstalk {@code kick($max)} on a tube: its buried jobs if it has any, else its delayed ones. */
    @PostMapping("/tubes/{tube}/kick")
    public Map<String, Long> kick(@PathVariable String tube, @RequestParam(defaultValue = "10") long bound) {
        return Map.of("kicked", beanstalk.kick(tube, bound));
    }

    /** Pheanstalk {@code kickJob($job)}. */
    @PostMapping("/jobs/{id}/kick")
    public KickedJob kickJob(@PathVariable long id) {
        if (!beanstalk.kickJob(id)) {
            throw inWrongState(id, "kicked; only buried or delayed jobs can be");
        }
        return new KickedJob(id, "ready");
    }

    /** Pheanstalk {@code delete($job)}. */
    @DeleteMapping("/jobs/{id}")
    public Map<String, Long> delete(@PathVariable long id) {
        if (!beanstalk.delete(id)) {
            throw inWrongState(id, "deleted; a worker holds it");
        }
        return Map.of("deleted", id);
    }

    /** Pheanstalk {@code pauseTube($tube, $delay)}. */
    @PostMapping("/tubes/{tube}/pause")
    public TubeStats pause(@PathVariable String tube, @RequestParam long seconds) {
        if (!beanstalk.pauseTube(tube, Duration.ofSeconds(seconds))) {
            throw noTube(tube);
        }
        return tube(tube);
    }

    /** Pheanstalk {@code resumeTube($tube)}. */
    @PostMapping("/tubes/{tube}/resume")
    public TubeStats resume(@PathVariable String tube) {
        if (!beanstalk.resumeTube(tube)) {
            throw noTube(tube);
        }
        return tube(tube);
    }

    private JobView peeked(Optional<Job> job, String tube, String state) {
        return job.map(JobView::of).orElseThrow(() -> beanstalk.statsTube(tube).isPresent()
                ? new NotFoundException("Tube '" + tube + "' has no " + state + " job")
                : noTube(tube));
    }

    /** A command refused for a job: 404 if there is no such job, else 409 naming its state. */
    private RuntimeException inWrongState(long id, String refusal) {
        return beanstalk.statsJob(id)
                .<RuntimeException>map(stats -> new ConflictException("Job " + id + " is "
                        + stats.state().wireName() + " and cannot be " + refusal))
                .orElseGet(() -> noJob(id));
    }

    private static NotFoundException noJob(long id) {
        return new NotFoundException("No job " + Long.toUnsignedString(id));
    }

    private static NotFoundException noTube(String tube) {
        return new NotFoundException("No tube '" + tube + "'");
    }
}
