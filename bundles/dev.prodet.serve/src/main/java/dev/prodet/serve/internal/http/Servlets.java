package dev.prodet.serve.internal.http;

import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * Registers the ProDet servlet context (whose {@code handleSecurity} guards every endpoint) and its servlets with the
 * Servlet Whiteboard (jakarta): {@code /v2/*}, {@code /v1/detect}, {@code /metrics} and the JSON error page. The
 * context sits at {@code /}, ranked above the default one, so its error page also answers paths nothing serves.
 */
public final class Servlets implements AutoCloseable {
    private static final String SELECT =
            "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + ProdetContext.NAME + ")";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** Registers the context, the endpoints and the error page. */
    public Servlets(
            BundleContext ctx,
            ProdetContext context,
            V2Servlet v2,
            DetectServlet detect,
            MetricsServlet metrics,
            ErrorPageServlet errors) {
        Hashtable<String, Object> c = new Hashtable<>();
        c.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, ProdetContext.NAME);
        c.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, "/");
        c.put(org.osgi.framework.Constants.SERVICE_RANKING, 100);
        registrations.add(ctx.registerService(ServletContextHelper.class, context, c));
        register(ctx, v2, "prodet-v2", "/v2/*");
        register(ctx, detect, "prodet-detect", "/v1/detect");
        register(ctx, metrics, "prodet-metrics", "/metrics");
        Hashtable<String, Object> p = properties("prodet-errors");
        p.put(
                HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ERROR_PAGE,
                new String[] {"4xx", "5xx", "java.lang.Throwable"});
        registrations.add(ctx.registerService(Servlet.class, errors, p));
    }

    private void register(BundleContext ctx, Servlet s, String name, String pattern) {
        Hashtable<String, Object> p = properties(name);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, pattern);
        registrations.add(ctx.registerService(Servlet.class, s, p));
    }

    private static Hashtable<String, Object> properties(String name) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, name);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT, SELECT);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, Boolean.TRUE);
        return p;
    }

    @Override
    public void close() {
        for (int i = registrations.size() - 1; i >= 0; i--) { // servlets first, then their context
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }
}
