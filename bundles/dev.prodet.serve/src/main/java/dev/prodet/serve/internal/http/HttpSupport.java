package dev.prodet.serve.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.api.Reply;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every servlet shares: JSON answers (errors included, never an exception's class or stack), {@code Retry-After}
 * on answers worth retrying, request metrics, bounded body reading.
 */
public final class HttpSupport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSupport.class);

    /** Header of the binary tensor data extension: length of the JSON before the binary data. */
    public static final String INFERENCE_HEADER_LENGTH = "Inference-Header-Content-Length";

    /** The work of one request. */
    public interface Action {
        /** Handles the request; throws ApiException for answers other than success. */
        Reply handle() throws ApiException, IOException;
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ServeMetrics metrics;

    /** @param metrics where requests are counted */
    public HttpSupport(ServeMetrics metrics) {
        this.metrics = metrics;
    }

    /** The metrics requests are counted in. */
    public ServeMetrics metrics() {
        return metrics;
    }

    /** Runs {@code action} on this thread, writes its reply or error as JSON, and counts it under {@code endpoint}. */
    public void handle(HttpServletRequest req, HttpServletResponse resp, String endpoint, Action action)
            throws IOException {
        long t0 = System.nanoTime();
        int status = 500;
        try {
            Reply r = action.handle();
            status = r.status();
            write(resp, r, 0, false);
        } catch (ApiException e) {
            status = e.status();
            writeError(resp, e, false);
        } catch (RuntimeException | Error e) { // an Error included: the client gets JSON, the log the cause
            ApiException internal = internal(req.getRequestURI(), e);
            status = internal.status();
            writeError(resp, internal, false);
        } finally {
            metrics.request(endpoint, status, System.nanoTime() - t0);
        }
    }

    /**
     * The answer for a failure nobody anticipated: 503 for a lack of memory (the next request may fit), 500
     * otherwise; the client reads what happened in words, the log has the details.
     */
    public static ApiException internal(String uri, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            LOG.error(
                    "out of memory serving {}; the memory budget (memoryBudgetBytes) may be too large for the heap",
                    uri);
            return ApiException.busy(503, "out-of-memory", "the server ran short of memory; retry shortly", 1);
        }
        LOG.error("internal error serving {}", uri, e);
        return new ApiException(500, "internal", "the server failed to handle this request; its log says why");
    }

    /** Writes an error; {@code close} also asks the client to close the connection (the body was not read). */
    public void writeError(HttpServletResponse resp, ApiException e, boolean close) throws IOException {
        if (e.status() == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer");
        }
        write(resp, new Reply(e.status(), e.body()), e.retryAfterSeconds(), close);
    }

    /** Writes a reply: JSON, or JSON followed by binary tensor data. */
    public void write(HttpServletResponse resp, Reply r, int retryAfterSeconds, boolean close) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.setStatus(r.status());
        if (retryAfterSeconds > 0) {
            resp.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
        if (close) {
            // the rest of the body is still on the wire, so the connection cannot carry another request; say so,
            // or a client reusing it reads a closed socket
            resp.setHeader("Connection", "close");
        }
        if (r.body() == null) {
            resp.setContentLength(0);
            return;
        }
        byte[] head = json.writeValueAsBytes(r.body());
        OutputStream out = resp.getOutputStream();
        if (r.binary() != null) {
            resp.setContentType("application/octet-stream");
            resp.setHeader(INFERENCE_HEADER_LENGTH, Integer.toString(head.length));
            resp.setContentLength(head.length + r.binary().length);
            out.write(head);
            out.write(r.binary());
        } else {
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            resp.setContentLength(head.length);
            out.write(head);
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
}
