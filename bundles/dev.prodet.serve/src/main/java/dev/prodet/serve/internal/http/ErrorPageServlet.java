package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.api.Reply;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the ProDet context (every 4xx and 5xx, and exceptions): the protocol's JSON error object instead
 * of the container's HTML, for paths no servlet serves, methods a servlet does not take, and anything that escapes a
 * servlet. The words come from the status; an exception's class or message never reaches the client.
 */
public final class ErrorPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient HttpSupport http;

    /** @param http writes the answer */
    public ErrorPageServlet(HttpSupport http) {
        this.http = http;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object thrown = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (thrown instanceof Throwable t) {
            ApiException e =
                    HttpSupport.internal(String.valueOf(req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), t);
            http.write(resp, new Reply(e.status(), e.body()), e.retryAfterSeconds(), false);
            return;
        }
        ErrorWords w = ErrorWords.of(status, (String) req.getAttribute(RequestDispatcher.ERROR_MESSAGE));
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = status == 404 && uri != null ? "no endpoint " + req.getMethod() + " " + uri : w.message();
        http.write(resp, new Reply(status, ApiException.body(message, w.problem())), 0, false);
        http.metrics().request("error", status, 0);
    }
}
