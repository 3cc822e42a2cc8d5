package dev.prodet.serve.internal.http;

import dev.prodet.serve.internal.api.ApiException;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /metrics}: the Prometheus text format; behind the bearer token when one is configured. */
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ServeMetrics metrics;
    private final transient HttpSupport http;

    /**
     * @param metrics the registry to expose
     * @param http shared support (token)
     */
    public MetricsServlet(ServeMetrics metrics, HttpSupport http) {
        this.metrics = metrics;
        this.http = http;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            http.checkToken(req);
        } catch (ApiException e) {
            http.handle(req, resp, "metrics", false, () -> {
                throw e;
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
