package dev.beanstalk.spring.autoconfigure.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code beanstalk.dashboard.*} properties: whether the dashboard is served, where, and whether it acts. */
@ConfigurationProperties("beanstalk.dashboard")
public class BeanstalkDashboardProperties {

    /** Whether the app serves the beanstalkd dashboard; it needs Spring MVC and beanstalk-dashboard on the classpath. */
    private boolean enabled;

    /** Where the dashboard is served: a path starting with '/', not ending with one. */
    private String path = "/beanstalk";

    /**
     * Whether the dashboard only shows: true hides every action and refuses their POSTs. Without Spring Security,
     * false serves the actions unprotected (logged as a warning at startup).
     */
    private boolean readOnly = true;

    /** How often the dashboard samples the server's stats; it keeps the last hour of samples in memory. */
    private Duration sampleInterval = Duration.ofSeconds(5);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public Duration getSampleInterval() {
        return sampleInterval;
    }

    public void setSampleInterval(Duration sampleInterval) {
        this.sampleInterval = sampleInterval;
    }
}
