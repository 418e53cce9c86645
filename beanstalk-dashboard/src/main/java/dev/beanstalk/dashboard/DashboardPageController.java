package dev.beanstalk.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the dashboard's page and its assets from the jar. The page carries the settings the script needs in
 * attributes of its root element: the base path, whether it is read-only, and Spring Security's CSRF header and token
 * when a request has one.
 */
@Controller
@RequestMapping("${beanstalk.dashboard.path:/beanstalk}")
public class DashboardPageController {

    /** The request attribute Spring Security's CSRF filter stores the token in. */
    static final String CSRF_ATTRIBUTE = "_csrf";

    private static final Map<String, MediaType> ASSETS = Map.of(
            "dashboard.js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "dashboard.css", MediaType.parseMediaType("text/css;charset=UTF-8"));

    private final DashboardSettings settings;
    private final String page = read("index.html");
    private final Map<String, String> assets = Map.of("dashboard.js", read("dashboard.js"),
            "dashboard.css", read("dashboard.css"));

    public DashboardPageController(DashboardSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @GetMapping({"", "/"})
    public ResponseEntity<String> page(HttpServletRequest request) {
        String[] csrf = csrf(request.getAttribute(CSRF_ATTRIBUTE));
        String html = page.replace("{{base}}", attribute(request.getContextPath() + settings.path()))
                .replace("{{readOnly}}", Boolean.toString(settings.readOnly()))
                .replace("{{csrfHeader}}", attribute(csrf[0]))
                .replace("{{csrfToken}}", attribute(csrf[1]));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'")
                .body(html);
    }

    @GetMapping("/assets/{name}")
    public ResponseEntity<String> asset(@PathVariable String name) {
        MediaType type = ASSETS.get(name);
        if (type == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(type).header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache()).body(assets.get(name));
    }

    private static String[] csrf(@Nullable Object token) {
        if (token == null) {
            return new String[] {"", ""};
        }
        BeanWrapperImpl wrapper = new BeanWrapperImpl(token);
        return new String[] {String.valueOf(wrapper.getPropertyValue("headerName")),
                String.valueOf(wrapper.getPropertyValue("token"))};
    }

    private static String attribute(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }

    private static String read(String name) {
        try (InputStream in = DashboardPageController.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
