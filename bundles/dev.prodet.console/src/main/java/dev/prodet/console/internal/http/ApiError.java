package dev.prodet.console.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer other than success: HTTP status, a short problem code and a sentence naming the problem. */
public final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problem;

    /**
     * @param status HTTP status
     * @param problem short code, e.g. {@code unknown-run}
     * @param message what is wrong, for a person
     */
    public ApiError(int status, String problem, String message) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    /** 404 with the given problem. */
    public static ApiError notFound(String problem, String message) {
        return new ApiError(404, problem, message);
    }

    /** 400 with the given problem. */
    public static ApiError badRequest(String problem, String message) {
        return new ApiError(400, problem, message);
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** The JSON body: {@code {"error": message, "problem": code}}, as the serving API answers errors. */
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", getMessage());
        m.put("problem", problem);
        return m;
    }
}
