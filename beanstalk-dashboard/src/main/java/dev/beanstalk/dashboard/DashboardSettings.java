package dev.beanstalk.dashboard;

import java.util.Objects;

/**
 * Where the dashboard is served and whether it offers actions; its controllers map {@code
 * ${beanstalk.dashboard.path:/beanstalk}}, which must equal {@code path}.
 */
public record DashboardSettings(String path, boolean readOnly) {

    public DashboardSettings {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("..") || !path.matches("[A-Za-z0-9/_.-]+")) {
            throw new IllegalArgumentException("the dashboard path must start with / and not end with one, "
                    + "with letters, digits, '/', '_', '.' and '-' only, was " + path);
        }
    }
}
