package dev.beanstalk.client.internal.protocol;

import dev.beanstalk.client.BeanstalkProtocolException;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Turns the YAML of {@code stats-job}, {@code stats-tube} and {@code stats} into typed records. */
public final class Stats {

    private final Map<String, String> fields;

    private Stats(Map<String, String> fields) {
        this.fields = fields;
    }

    public static JobStats job(byte[] yaml) {
        Stats s = new Stats(Yaml.map(yaml));
        return new JobStats(s.number("id"), s.text("tube"), JobState.of(s.text("state")), s.number("pri"),
                s.seconds("age"), s.seconds("delay"), s.seconds("ttr"), s.seconds("time-left"), s.number("file"),
                s.number("reserves"), s.number("timeouts"), s.number("releases"), s.number("buries"), s.number("kicks"));
    }

    public static TubeStats tube(byte[] yaml) {
        Stats s = new Stats(Yaml.map(yaml));
        return new TubeStats(s.text("name"), s.number("current-jobs-urgent"), s.number("current-jobs-ready"),
                s.number("current-jobs-reserved"), s.number("current-jobs-delayed"), s.number("current-jobs-buried"),
                s.number("total-jobs"), s.number("current-using"), s.number("current-watching"),
                s.number("current-waiting"), s.number("cmd-delete"), s.number("cmd-pause-tube"), s.seconds("pause"),
                s.seconds("pause-time-left"));
    }

    public static ServerStats server(byte[] yaml) {
        Stats s = new Stats(Yaml.map(yaml));
        return new ServerStats(s.number("current-jobs-urgent"), s.number("current-jobs-ready"),
                s.number("current-jobs-reserved"), s.number("current-jobs-delayed"), s.number("current-jobs-buried"),
                s.number("cmd-put"), s.number("cmd-peek"), s.number("cmd-peek-ready"), s.number("cmd-peek-delayed"),
                s.number("cmd-peek-buried"), s.number("cmd-reserve"), s.number("cmd-reserve-with-timeout"),
                s.number("cmd-delete"), s.number("cmd-release"), s.number("cmd-use"), s.number("cmd-watch"),
                s.number("cmd-ignore"), s.number("cmd-bury"), s.number("cmd-kick"), s.number("cmd-touch"),
                s.number("cmd-stats"), s.number("cmd-stats-job"), s.number("cmd-stats-tube"),
                s.number("cmd-list-tubes"), s.number("cmd-list-tube-used"), s.number("cmd-list-tubes-watched"),
                s.number("cmd-pause-tube"), s.number("job-timeouts"), s.number("total-jobs"), s.number("max-job-size"),
                s.number("current-tubes"), s.number("current-connections"), s.number("current-producers"),
                s.number("current-workers"), s.number("current-waiting"), s.number("total-connections"),
                s.number("pid"), s.text("version"), s.fraction("rusage-utime"), s.fraction("rusage-stime"),
                s.seconds("uptime"), s.number("binlog-oldest-index"), s.number("binlog-current-index"),
                s.number("binlog-records-migrated"), s.number("binlog-records-written"), s.number("binlog-max-size"),
                Boolean.parseBoolean(s.text("draining")), s.text("id"), s.text("hostname"), s.text("os"),
                s.text("platform"));
    }

    private String text(String key) {
        String value = fields.get(key);
        return value == null ? "" : value;
    }

    private long number(String key) {
        String value = fields.get(key);
        if (value == null) {
            return 0;
        }
        try {
            return value.startsWith("-") ? Long.parseLong(value) : Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw new BeanstalkProtocolException("stats field '" + key + "' is not a number: '" + value + "'");
        }
    }

    private Duration seconds(String key) {
        return Duration.ofSeconds(number(key));
    }

    private Duration fraction(String key) {
        String value = fields.get(key);
        if (value == null) {
            return Duration.ZERO;
        }
        try {
            BigDecimal seconds = new BigDecimal(value);
            return Duration.ofNanos(seconds.movePointRight(9).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BeanstalkProtocolException("stats field '" + key + "' is not a number of seconds: '" + value + "'");
        }
    }
}
