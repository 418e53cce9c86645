package dev.beanstalk.dashboard;

import dev.beanstalk.spring.listener.BeanstalkListenerContainer;

/** The operations the dashboard and the actuator endpoint run on a listener container, by name. */
public final class ListenerActions {

    private ListenerActions() {
    }

    /** Runs {@code action}: {@code stop}, {@code start}, {@code pause} or {@code resume}. */
    public static void run(BeanstalkListenerContainer container, String action) {
        switch (action) {
            case "stop" -> container.stop();
            case "start" -> container.start();
            case "pause" -> container.pause();
            case "resume" -> container.resume();
            default -> throw new IllegalArgumentException(
                    "a listener action is stop, start, pause or resume, was " + action);
        }
    }
}
