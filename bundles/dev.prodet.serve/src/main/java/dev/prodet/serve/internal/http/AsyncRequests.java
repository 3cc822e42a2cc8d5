package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.api.Reply;
import dev.prodet.serve.internal.load.LoadLimits;
import dev.prodet.serve.internal.load.MemoryBudget;
import dev.prodet.serve.internal.load.Workers;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The path of the heavy requests ({@code /v1/detect}, v2 inference): the body is read as it arrives, on no thread of
 * its own, its bytes reserved from the memory budget; then the request waits for a worker in a bounded queue, and the
 * worker answers. HTTP threads do only short work, so they stay free for health probes and refusals; every limit
 * answers at once (413, 429, 503 with {@code Retry-After}, 408 for a body that does not arrive in time).
 */
public final class AsyncRequests implements AutoCloseable {
    /** The heavy part of a request, run on a worker. */
    public interface Work {
        /**
         * @param body the whole request body
         * @param memory the request's reservation, for what the work allocates
         */
        Reply handle(byte[] body, MemoryBudget.Reservation memory) throws ApiException, IOException;
    }

    /**
     * A body this small has almost surely arrived with its headers, so a full queue refuses it before reading it,
     * without an asynchronous read, and the container can still keep the connection: under a burst, refusals then
     * cost the HTTP threads next to nothing, and health probes do not queue behind them.
     */
    static final long EARLY_REFUSAL_BYTES = 64 << 10;

    private final HttpSupport http;
    private final Workers workers;
    private final MemoryBudget budget;
    private final LoadLimits limits;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prodet-body-deadlines");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param http writes answers
     * @param workers the worker pool
     * @param budget the memory budget
     * @param limits timeouts
     */
    public AsyncRequests(HttpSupport http, Workers workers, MemoryBudget budget, LoadLimits limits) {
        this.http = http;
        this.workers = workers;
        this.budget = budget;
        this.limits = limits;
    }

    /** Reads the body without holding a thread, runs {@code work} on a worker, answers. */
    public void handle(HttpServletRequest req, HttpServletResponse resp, String endpoint, long maxBody, Work work)
            throws IOException {
        long t0 = System.nanoTime();
        long declared = req.getContentLengthLong();
        MemoryBudget.Reservation memory = budget.open();
        try {
            if (declared > maxBody) {
                throw HttpSupport.tooLarge(declared + " bytes", maxBody);
            }
            if (declared >= 0 && declared <= EARLY_REFUSAL_BYTES && workers.full()) {
                memory.close();
                http.writeError(resp, workers.refusal(), false);
                http.metrics().request(endpoint, 429, System.nanoTime() - t0);
                return;
            }
            memory.grow(declared, "the request body");
        } catch (ApiException e) {
            memory.close();
            if (declared > 0 && declared <= RefusalDrain.LIMIT) { // answer once the client has sent it all
                RefusalDrain.start(req, limits.bodyTimeoutMillis(), close -> {
                    http.writeError(resp, e, close);
                    http.metrics().request(endpoint, e.status(), System.nanoTime() - t0);
                });
                return;
            }
            http.writeError(resp, e, true);
            http.metrics().request(endpoint, e.status(), System.nanoTime() - t0);
            return;
        }
        AsyncContext async = req.startAsync();
        // a backstop only: the body deadline and the request timeout answer first
        async.setTimeout(limits.bodyTimeoutMillis() + 2 * limits.requestTimeoutMillis());
        Exchange ex = new Exchange(async, resp, http, endpoint, req.getRequestURI(), t0, memory);
        async.addListener(ex);
        ex.bodyDeadline(deadlines.schedule(
                () -> ex.fail(new ApiException(
                        408,
                        "body-timeout",
                        "the request body did not arrive within " + limits.bodyTimeoutMillis() + " ms")),
                limits.bodyTimeoutMillis(),
                TimeUnit.MILLISECONDS));
        req.getInputStream().setReadListener(new BodyReader(req.getInputStream(), ex, declared, maxBody, body -> {
            try {
                workers.submit(() -> run(ex, work, body));
            } catch (ApiException e) {
                ex.fail(e);
            }
        }));
    }

    private void run(Exchange ex, Work work, byte[] body) {
        if (ex.answered()) {
            return;
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ex.startNanos());
        if (waited > limits.requestTimeoutMillis()) {
            ex.fail(ApiException.busy(
                    503,
                    "timeout",
                    "the request waited " + waited + " ms for a worker; the limit is " + limits.requestTimeoutMillis()
                            + " ms",
                    limits.retryAfterSeconds()));
            return;
        }
        try {
            ex.answer(work.handle(body, ex.memory()));
        } catch (ApiException e) {
            ex.fail(e);
        } catch (IOException | RuntimeException | Error e) { // an Error too: no request may take the server down
            ex.fail(e);
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
