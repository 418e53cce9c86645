package dev.beanstalk.sample.admin;

import dev.beanstalk.spring.event.JobDeadLetteredEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Remembers the jobs this application moved to the dead-letter tube ({@code beanstalk.listener.dead-letter-tube}),
 * from the {@link JobDeadLetteredEvent}s of its listeners: beanstalkd can peek at a tube's next job but not list it.
 */
@Component
public class DeadLetters {

    private static final int REMEMBERED = 100;

    private final Deque<DeadLetter> recent = new ArrayDeque<>();

    /** A failed job's copy in the dead-letter tube: its id there, and where it came from. */
    public record DeadLetter(long id, String deadLetterTube, long originalJobId, String originalTube,
            String listener, String failure) {
    }

    @EventListener
    void deadLettered(JobDeadLetteredEvent event) {
        DeadLetter letter = new DeadLetter(event.getDeadLetterJobId(), event.getDeadLetterTube(), event.getJobId(),
                event.getTube(), event.getContainerId(), String.valueOf(event.getException()));
        synchronized (recent) {
            recent.addFirst(letter);
            if (recent.size() > REMEMBERED) {
                recent.removeLast();
            }
        }
    }

    /** The jobs moved to a dead-letter tube lately, newest first. */
    public List<DeadLetter> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
