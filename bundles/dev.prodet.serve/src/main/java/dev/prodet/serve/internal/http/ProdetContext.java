package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * The servlet context of every ProDet endpoint, and its one security check ({@link #handleSecurity}): the health
 * probes are open (readiness then says ready or not, nothing more); everything else needs the bearer token when one is
 * configured; the model-repository API (which changes what is served) also needs a token to exist at all, and refuses
 * requests a browser sends on behalf of another site, so a page the operator visits cannot unload a model.
 */
public final class ProdetContext extends ServletContextHelper {
    /** Context name the servlets select. */
    public static final String NAME = "dev.prodet.serve";
    /** Request attribute: whether the request carried the token (or none is needed). */
    public static final String AUTHENTICATED = "dev.prodet.serve.authenticated";

    /** The largest declared body a refused request has read and dropped (see {@link #drained}). */
    static final long DRAIN_LIMIT = 1 << 20;

    private final BearerToken token;
    private final HttpSupport http;

    /**
     * @param token the bearer token check
     * @param http writes refusals
     */
    public ProdetContext(BearerToken token, HttpSupport http) {
        this.token = token;
        this.http = http;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getDispatcherType() == DispatcherType.ERROR) {
            return true; // an error page for a request that was already checked
        }
        boolean authenticated = token.accepts(req.getHeader("Authorization"));
        req.setAttribute(AUTHENTICATED, authenticated);
        String path = path(req);
        if (path.equals("/v2/health/live") || path.equals("/v2/health/ready")) {
            return true;
        }
        ApiException refusal = null;
        if (!authenticated) {
            refusal = new ApiException(
                    401,
                    "unauthorized",
                    req.getHeader("Authorization") == null
                            ? "this server needs an Authorization: Bearer token"
                            : "the bearer token is not valid");
        } else if (path.startsWith("/v2/repository")) {
            if (!token.required()) {
                refusal = new ApiException(
                        403,
                        "management-needs-token",
                        "the model-repository API needs a bearer token; configure one (tokenFile or "
                                + "PRODET_SERVE_TOKEN)");
            } else if (crossSite(req)) {
                refusal = new ApiException(
                        403,
                        "cross-origin",
                        "the model-repository API refuses requests sent on behalf of another site");
            }
        }
        if (refusal == null) {
            return true;
        }
        http.writeError(resp, refusal, !drained(req));
        http.metrics().request("security", refusal.status(), 0);
        return false;
    }

    /**
     * Reads and drops a small declared body, so that the refusal reaches the client: closing a connection with
     * unread bytes makes the kernel reset it, and a client still sending then loses the answer too. Bodies larger
     * than {@link #DRAIN_LIMIT}, or of unknown length, are not read (the connection closes instead): a refused
     * client cannot make the server read much.
     *
     * @return whether the connection can carry another request
     */
    static boolean drained(HttpServletRequest req) throws IOException {
        long length = req.getContentLengthLong();
        if (length == 0 || (length < 0 && req.getHeader("Transfer-Encoding") == null)) {
            return true;
        }
        if (length < 0 || length > DRAIN_LIMIT) {
            return false;
        }
        try (var in = req.getInputStream()) {
            byte[] buf = new byte[8192];
            long left = length;
            for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0; ) {
                left -= n;
            }
            return left == 0;
        } catch (IOException e) {
            return false; // the client went away; nothing more to answer
        }
    }

    /** A browser's cross-site request: a foreign {@code Origin}, or {@code Sec-Fetch-Site} saying so. */
    static boolean crossSite(HttpServletRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return true;
        }
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI o = URI.create(origin.strip());
            String host = req.getHeader("Host");
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host == null
                    || o.getHost() == null
                    || !authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return true; // "null" and other opaque origins
        }
    }

    static String path(HttpServletRequest req) {
        String s = req.getServletPath() == null ? "" : req.getServletPath();
        return req.getPathInfo() == null ? s : s + req.getPathInfo();
    }
}
