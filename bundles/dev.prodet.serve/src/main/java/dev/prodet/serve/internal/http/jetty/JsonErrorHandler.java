package dev.prodet.serve.internal.http.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.http.ErrorWords;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's error page as the protocol's JSON error object, whatever the client accepts: for what Jetty refuses before
 * any servlet runs (a URI it cannot decode, headers too large, a malformed request line) and for errors its servlet
 * context raises itself. Jetty's message is kept when it is plain words; an exception is logged, never shown.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);
    private static final String SERVLET_MESSAGE = "jakarta.servlet.error.message";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int code = response.getStatus();
        Object message = request.getAttribute(ERROR_MESSAGE);
        if (message == null) {
            message = request.getAttribute(SERVLET_MESSAGE);
        }
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        if (cause instanceof HttpException h) {
            code = h.getCode();
            response.setStatus(code);
            if (message == null) {
                message = h.getReason();
            }
        } else if (cause != null) {
            LOG.error("error serving {}", request.getHttpURI().getPath(), cause);
            message = null;
        }
        if (code < 400) {
            code = 500;
            response.setStatus(code);
        }
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        if (HttpStatus.hasNoBody(code)) {
            callback.succeeded();
            return true;
        }
        ErrorWords w = ErrorWords.of(code, message instanceof String s ? s : null);
        String error = code == 404
                ? "no endpoint " + request.getMethod() + " "
                        + request.getHttpURI().getPath()
                : w.message();
        Map<String, Object> body = ApiException.body(error, w.problem());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
        return true;
    }
}
