package dev.beanstalk.dashboard;

import java.util.List;

/** Counters read at one instant: {@code counters} in the order their series names are listed by whoever sampled them. */
record Sample(long epochMillis, long[] counters) {

    /**
     * Per-second rates between consecutive samples, one list per counter; a counter that went down (the server
     * restarted) counts from zero.
     */
    static Rates rates(List<Sample> samples, int counters) {
        long[] times = new long[Math.max(0, samples.size() - 1)];
        double[][] rates = new double[counters][times.length];
        for (int i = 1; i < samples.size(); i++) {
            Sample previous = samples.get(i - 1);
            Sample current = samples.get(i);
            double seconds = Math.max(1, current.epochMillis - previous.epochMillis) / 1000.0;
            times[i - 1] = current.epochMillis;
            for (int c = 0; c < counters; c++) {
                long delta = current.counters[c] - previous.counters[c];
                rates[c][i - 1] = Math.round((delta < 0 ? current.counters[c] : delta) / seconds * 100) / 100.0;
            }
        }
        return new Rates(times, rates);
    }

    /** Rates per second, each series sharing {@code times}. */
    record Rates(long[] times, double[][] series) {
    }
}
