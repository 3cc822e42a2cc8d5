package dev.prodet.api.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that the edge runtime or the web console cannot answer: an HTTP status, a short problem code clients
 * can switch on (e.g. {@code image-too-large}) and a message that names what is wrong. Both answer it as
 * {@code {"error": message, "problem": code}} ({@link #body(String, String)}), which is also KServe's error object;
 * 429 and 503 answers that are worth retrying carry {@code Retry-After}.
 *
 * @since 1.2
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problem;
    private final int retryAfterSeconds;

    /**
     * @param status HTTP status, 4xx for the client's fault, 5xx for the server's
     * @param problem short code, lower case with dashes
     * @param message what is wrong, for a person
     */
    public ApiException(int status, String problem, String message) {
        this(status, problem, message, 0);
    }

    private ApiException(int status, String problem, String message, int retryAfterSeconds) {
        super(message);
        this.status = status;
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The server is busy; the client may retry after {@code seconds}. */
    public static ApiException busy(int status, String problem, String message, int seconds) {
        return new ApiException(status, problem, message, Math.max(1, seconds));
    }

    /** 400 Bad Request. */
    public static ApiException badRequest(String problem, String message) {
        return new ApiException(400, problem, message);
    }

    /** 404 Not Found. */
    public static ApiException notFound(String problem, String message) {
        return new ApiException(404, problem, message);
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Short problem code. */
    public String problem() {
        return problem;
    }

    /** Seconds after which a retry may succeed, or 0 when retrying will not help. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The JSON error body. */
    public Map<String, Object> body() {
        return body(getMessage(), problem);
    }

    /** The JSON error body {@code {"error": message, "problem": problem}}, also for errors that are no exception. */
    public static Map<String, Object> body(String message, String problem) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("problem", problem);
        return m;
    }
}
