package dev.beanstalk.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's read-only JSON API, under {@code <path>/api}. */
@RestController
@RequestMapping("${beanstalk.dashboard.path:/beanstalk}/api")
public class DashboardApiController {

    private final DashboardQueries queries;

    public DashboardApiController(DashboardQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    @GetMapping("/overview")
    public DashboardQueries.Overview overview() {
        return queries.overview();
    }

    @GetMapping("/tubes")
    public List<DashboardQueries.TubeView> tubes() {
        return queries.tubes();
    }

    /** The tube named by {@code name} (a query parameter, since tube names may hold a slash). */
    @GetMapping("/tube")
    public ResponseEntity<?> tube(@RequestParam String name) {
        return queries.tube(name).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound("no tube " + name));
    }

    @GetMapping("/jobs/{id}")
    public ResponseEntity<?> job(@PathVariable long id) {
        return queries.job(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound("no job " + id));
    }

    @GetMapping("/listeners")
    public List<DashboardQueries.ListenerView> listeners() {
        return queries.listeners();
    }

    private static ResponseEntity<?> notFound(String message) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", message));
    }
}
