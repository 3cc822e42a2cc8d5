package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.api.Reply;
import dev.prodet.serve.internal.load.MemoryBudget;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One asynchronous request from its body to its answer. Whichever comes first answers it, exactly once: the work,
 * a refusal, the body deadline, the container's timeout, or the client going away. The memory the request reserved
 * is given back when it is answered.
 */
final class Exchange implements AsyncListener {
    private final AsyncContext async;
    private final HttpServletResponse resp;
    private final HttpSupport http;
    private final String endpoint;
    private final String uri;
    private final long startNanos;
    private final MemoryBudget.Reservation memory;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile boolean bodyRead;
    private volatile ScheduledFuture<?> bodyDeadline;

    Exchange(
            AsyncContext async,
            HttpServletResponse resp,
            HttpSupport http,
            String endpoint,
            String uri,
            long startNanos,
            MemoryBudget.Reservation memory) {
        this.async = async;
        this.resp = resp;
        this.http = http;
        this.endpoint = endpoint;
        this.uri = uri;
        this.startNanos = startNanos;
        this.memory = memory;
    }

    MemoryBudget.Reservation memory() {
        return memory;
    }

    long startNanos() {
        return startNanos;
    }

    boolean answered() {
        return answered.get();
    }

    void bodyDeadline(ScheduledFuture<?> f) {
        bodyDeadline = f;
    }

    /** The whole body has arrived. */
    void bodyRead() {
        bodyRead = true;
        ScheduledFuture<?> f = bodyDeadline;
        if (f != null) {
            f.cancel(false);
        }
    }

    /** Answers with the work's reply. */
    void answer(Reply r) {
        finish(r.status(), () -> http.write(resp, r, 0, false));
    }

    /** Answers with an error; the connection is closed when the body was not read to its end. */
    void fail(ApiException e) {
        finish(e.status(), () -> http.writeError(resp, e, !bodyRead));
    }

    /** Answers an unexpected failure (never its class or stack). */
    void fail(Throwable t) {
        fail(HttpSupport.internal(uri, t));
    }

    /** The client went away or the connection failed: nothing can be written; release what the request holds. */
    void abandon() {
        finish(499, null);
    }

    private interface Write {
        void run() throws IOException;
    }

    private void finish(int status, Write write) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            if (write != null) {
                write.run();
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone; nothing left to tell it
        } finally {
            memory.close();
            ScheduledFuture<?> f = bodyDeadline;
            if (f != null) {
                f.cancel(false);
            }
            http.metrics().request(endpoint, status, System.nanoTime() - startNanos);
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // already completed by the container (client gone)
            }
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        fail(ApiException.busy(503, "timeout", "the request took longer than this server allows", 1));
    }

    @Override
    public void onError(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        if (!answered.get()) {
            abandon();
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
