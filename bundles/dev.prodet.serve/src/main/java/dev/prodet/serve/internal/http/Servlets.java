package dev.prodet.serve.internal.http;

import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * Registers the servlets with the Servlet Whiteboard (jakarta) under the default context. Done in code rather than
 * with annotations because the multipart size limits come from the settings.
 */
public final class Servlets implements AutoCloseable {
    private final List<ServiceRegistration<Servlet>> registrations = new ArrayList<>();

    /**
     * Registers {@code /v2/*}, {@code /v1/detect} and {@code /metrics}.
     *
     * @param maxBody multipart limit of /v1/detect in bytes
     */
    public Servlets(BundleContext ctx, V2Servlet v2, DetectServlet detect, MetricsServlet metrics, long maxBody) {
        register(ctx, v2, "prodet-v2", "/v2/*", null);
        register(ctx, detect, "prodet-detect", "/v1/detect", maxBody);
        register(ctx, metrics, "prodet-metrics", "/metrics", null);
    }

    private void register(BundleContext ctx, Servlet s, String name, String pattern, Long multipartMax) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, name);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, pattern);
        if (multipartMax != null) {
            p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_ENABLED, Boolean.TRUE);
            p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_MAXFILESIZE, multipartMax);
            p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_MAXREQUESTSIZE, multipartMax + 65_536);
            p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_FILESIZETHRESHOLD, (int)
                    Math.min(multipartMax + 1, Integer.MAX_VALUE)); // keep parts in memory
        }
        registrations.add(ctx.registerService(Servlet.class, s, p));
    }

    @Override
    public void close() {
        for (ServiceRegistration<Servlet> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }
}
