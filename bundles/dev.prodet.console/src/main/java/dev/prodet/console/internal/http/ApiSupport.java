package dev.prodet.console.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.serve.ApiException;
import dev.prodet.api.serve.ServeToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs one console API request: checks the bearer token (the serving runtime's, found by {@link ServeToken}), refuses
 * writes from other origins, and answers JSON, errors included.
 */
public final class ApiSupport {
    private static final int MAX_BODY = 16 * 1024;

    /** The work of one request. */
    public interface Action {
        /** Returns the value to answer with (written as JSON). */
        Object handle() throws ApiException, IOException;
    }

    private final ObjectMapper json = new ObjectMapper();
    private final byte[] token;
    private final String problem;

    /** @param token the token clients must send, or null/empty for none */
    public ApiSupport(String token) {
        this(token, null);
    }

    private ApiSupport(String token, String problem) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.problem = problem;
    }

    /** With the token the serving runtime would use, read from the framework properties and the environment. */
    public static ApiSupport fromRuntime(Function<String, String> frameworkProperties) {
        return fromRuntime(frameworkProperties, System::getenv);
    }

    static ApiSupport fromRuntime(Function<String, String> frameworkProperties, Function<String, String> env) {
        try {
            return new ApiSupport(
                    ServeToken.resolve(k -> frameworkProperties.apply("prodet.serve." + k), env)
                            .token(),
                    null);
        } catch (IllegalArgumentException e) { // configured but unreadable: every request is refused
            return new ApiSupport(null, "the serving token cannot be read: " + e.getMessage());
        }
    }

    /**
     * Runs {@code action} and writes its answer.
     *
     * @param write whether the request changes something (POST): it must then come from this origin, as JSON
     */
    public void handle(HttpServletRequest req, HttpServletResponse resp, boolean write, Action action)
            throws IOException {
        try {
            checkToken(req);
            if (write) {
                checkSameOrigin(req);
            }
            answer(resp, 200, action.handle());
        } catch (ApiException e) {
            if (e.status() == 401) {
                resp.setHeader("WWW-Authenticate", "Bearer");
            }
            answer(resp, e.status(), e.body());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // what the training API throws for a bad name or an ended run: the caller's problem, said plainly
            answer(resp, 409, new ApiException(409, "refused", e.getMessage()).body());
        }
    }

    /** The request body as JSON (at most 16 KiB). */
    public JsonNode body(HttpServletRequest req) throws ApiException, IOException {
        byte[] b;
        try (InputStream in = req.getInputStream()) {
            b = in.readNBytes(MAX_BODY + 1);
        }
        if (b.length > MAX_BODY) {
            throw new ApiException(413, "body-too-large", "the request body is over " + MAX_BODY + " bytes");
        }
        try {
            return json.readTree(b);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw ApiException.badRequest("bad-json", "the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    void checkToken(HttpServletRequest req) throws ApiException {
        if (problem != null) { // a token was configured but cannot be read: refuse rather than run open
            throw new ApiException(503, "token-unreadable", problem);
        }
        if (token == null) {
            return;
        }
        String h = req.getHeader("Authorization");
        byte[] given = new byte[0];
        if (h != null && h.length() > 7 && h.substring(0, 7).equalsIgnoreCase("Bearer ")) {
            given = h.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        }
        if (!MessageDigest.isEqual(given, token)) { // constant time
            throw new ApiException(
                    401,
                    "unauthorized",
                    h == null ? "this server needs an Authorization: Bearer token" : "the bearer token is not valid");
        }
    }

    /**
     * A write must be a JSON POST (a cross-site form cannot send one without the browser asking first) whose Origin,
     * when the browser sends one, is this server.
     */
    static void checkSameOrigin(HttpServletRequest req) throws ApiException {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiException(415, "unsupported-media-type", "send the request as application/json");
        }
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return;
        }
        String host = req.getHeader("Host");
        try {
            URI o = URI.create(origin);
            String originHost = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            if (host != null && host.equalsIgnoreCase(originHost)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // not a URI: refused below
        }
        throw new ApiException(
                403, "cross-origin", "requests that change something must come from this server's pages");
    }

    private void answer(HttpServletResponse resp, int status, Object body) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
