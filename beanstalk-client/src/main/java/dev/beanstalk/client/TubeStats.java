package dev.beanstalk.client;

import java.time.Duration;

/**
 * A tube's {@code stats-tube}: its jobs by state, its users, and its pause. Urgent jobs are ready jobs with a priority
 * below 1024; {@code pause} is zero and {@code pauseTimeLeft} is zero when the tube is not paused.
 */
public record TubeStats(
        String name,
        long currentJobsUrgent,
        long currentJobsReady,
        long currentJobsReserved,
        long currentJobsDelayed,
        long currentJobsBuried,
        long totalJobs,
        long currentUsing,
        long currentWatching,
        long currentWaiting,
        long cmdDelete,
        long cmdPauseTube,
        Duration pause,
        Duration pauseTimeLeft) {

    /** Whether reserves skip this tube now. */
    public boolean isPaused() {
        return !pauseTimeLeft.isZero() || !pause.isZero();
    }
}
