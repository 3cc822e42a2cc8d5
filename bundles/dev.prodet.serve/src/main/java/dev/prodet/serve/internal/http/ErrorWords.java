package dev.prodet.serve.internal.http;

/**
 * Problem code and words for an HTTP error the container produced. The container's own message is kept only when it
 * is plain words (Jetty's are, e.g. "Ambiguous URI path segment"); anything that looks like an exception's class or
 * a stack is replaced by the status's words.
 *
 * @param problem short code
 * @param message what is wrong
 */
public record ErrorWords(String problem, String message) {

    /** The words for {@code status}, with the container's message when it is safe to show. */
    public static ErrorWords of(int status, String containerMessage) {
        String problem =
                switch (status) {
                    case 400 -> "bad-request";
                    case 401 -> "unauthorized";
                    case 403 -> "forbidden";
                    case 404 -> "no-endpoint";
                    case 405 -> "method-not-allowed";
                    case 408 -> "request-timeout";
                    case 413 -> "body-too-large";
                    case 414 -> "uri-too-long";
                    case 415 -> "unsupported-media-type";
                    case 431 -> "headers-too-large";
                    case 501 -> "not-implemented";
                    case 503 -> "unavailable";
                    case 505 -> "http-version-not-supported";
                    default -> status >= 500 ? "internal" : "bad-request";
                };
        String words =
                switch (status) {
                    case 404 -> "no such endpoint";
                    case 405 -> "this endpoint does not take that method";
                    case 408 -> "the request did not arrive in time";
                    case 413 -> "the request is larger than this server accepts";
                    case 414 -> "the request URI is too long";
                    case 431 -> "the request headers are larger than this server accepts";
                    case 505 -> "this server speaks HTTP/1.0 and 1.1";
                    default -> status >= 500 ? "the server failed to handle this request" : "the request is malformed";
                };
        boolean plain = containerMessage != null
                && status < 500
                && containerMessage.length() <= 160
                && containerMessage.matches("[A-Za-z0-9 ,:;'()/_-]+")
                && !containerMessage.matches(".*(Exception|Error)\\b.*");
        return new ErrorWords(problem, plain ? words + ": " + containerMessage : words);
    }
}
