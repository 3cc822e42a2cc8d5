package dev.prodet.console.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Every console answer gets a Content-Security-Policy that allows only this origin's scripts and styles (no inline
 * script, no plugin, no framing), so even a value that slipped past the pages' escaping could not run; and
 * {@code /console} itself leads to the index page.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/console/*")
public final class ConsoleHeaders implements Filter {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setHeader("Content-Security-Policy", POLICY);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Frame-Options", "DENY");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals("/console") || path.equals("/console/")) {
            resp.sendRedirect(req.getContextPath() + "/console/index.html");
            return;
        }
        chain.doFilter(request, response);
    }
}
