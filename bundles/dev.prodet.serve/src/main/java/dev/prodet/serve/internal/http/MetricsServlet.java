package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /metrics}: the Prometheus text format (behind the bearer token when one is configured). */
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ServeMetrics metrics;
    private final transient HttpSupport http;

    /**
     * @param metrics the registry to expose
     * @param http shared support
     */
    public MetricsServlet(ServeMetrics metrics, HttpSupport http) {
        this.metrics = metrics;
        this.http = http;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getMethod().equals("GET")) {
            http.handle(req, resp, "metrics", () -> {
                throw new ApiException(405, "method-not-allowed", "use GET on /metrics, not " + req.getMethod());
            });
            return;
        }
        long t0 = System.nanoTime();
        resp.setStatus(200);
        resp.setContentType(metrics.contentType());
        metrics.write(resp.getOutputStream());
        metrics.request("metrics", 200, System.nanoTime() - t0);
    }
}
