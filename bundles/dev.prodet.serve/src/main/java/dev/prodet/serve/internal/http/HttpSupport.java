package dev.prodet.serve.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.serve.internal.api.ApiException;
import dev.prodet.serve.internal.api.Reply;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every servlet shares: the bearer-token check, bounded body reading, JSON answers and request metrics. */
public final class HttpSupport {
    /** The work of one request. */
    public interface Action {
        /** Handles the request; throws ApiException for answers other than success. */
        Reply handle() throws ApiException, IOException;
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ServeMetrics metrics;
    private final byte[] token;

    /**
     * @param metrics where requests are counted
     * @param token the bearer token clients must send, or empty for none
     */
    public HttpSupport(ServeMetrics metrics, String token) {
        this.metrics = metrics;
        this.token = token == null || token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code action}, writes its reply or error as JSON, and counts the request under {@code endpoint}. */
    public void handle(
            HttpServletRequest req, HttpServletResponse resp, String endpoint, boolean authenticate, Action action)
            throws IOException {
        long t0 = System.nanoTime();
        int status = 500;
        try {
            if (authenticate) {
                checkToken(req);
            }
            Reply r = action.handle();
            status = r.status();
            write(resp, status, r.body());
        } catch (ApiException e) {
            status = e.status();
            if (status == 401) {
                resp.setHeader("WWW-Authenticate", "Bearer");
            }
            if (status == 401 || status == 413 || status == 415) {
                // refused before the body was read: the rest of it is still on the wire, so the connection
                // cannot carry another request; say so, or a client reusing it reads a closed socket
                resp.setHeader("Connection", "close");
            }
            write(resp, status, e.body());
        } catch (RuntimeException e) {
            status = 500;
            System.err.println("[prodet-serve] internal error on " + req.getRequestURI() + ": " + e);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "internal error: " + e);
            body.put("problem", "internal");
            write(resp, status, body);
        } finally {
            metrics.request(endpoint, status, System.nanoTime() - t0);
        }
    }

    /** Whether the request carries the token (always true when none is configured). */
    public void checkToken(HttpServletRequest req) throws ApiException {
        if (token == null) {
            return;
        }
        String h = req.getHeader("Authorization");
        byte[] given = h == null ? new byte[0] : h.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) { // constant time
            throw new ApiException(
                    401,
                    "unauthorized",
                    h == null
                            ? "this server needs an Authorization: Bearer" + " token"
                            : "the bearer token is not valid");
        }
    }

    /**
     * Reads the body, refusing more than {@code max} bytes (413) before reading when the length is declared, and
     * while reading when it is not.
     */
    public static byte[] readBody(HttpServletRequest req, long max) throws ApiException, IOException {
        long declared = req.getContentLengthLong();
        if (declared > max) {
            throw tooLarge(declared + " bytes", max);
        }
        try (InputStream in = req.getInputStream()) {
            return readBounded(in, max);
        }
    }

    /** Reads at most {@code max} bytes; 413 when there are more. */
    public static byte[] readBounded(InputStream in, long max) throws ApiException, IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (b.length > max) {
            throw tooLarge("more than " + max + " bytes", max);
        }
        return b;
    }

    static ApiException tooLarge(String size, long max) {
        return new ApiException(
                413, "body-too-large", "the request body has " + size + "; the limit is " + max + " bytes");
    }

    private void write(HttpServletResponse resp, int status, Object body) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        if (body != null) {
            byte[] bytes = json.writeValueAsBytes(body);
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        }
    }
}
