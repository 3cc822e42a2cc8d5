package dev.prodet.serve.internal.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads and drops the body of a request refused before its body was read (413 for a declared length over the limit,
 * 503 when the memory budget cannot hold it), then answers. Closing a connection while the client is still sending
 * makes the kernel reset it, and the client then loses the answer too; reading on costs bandwidth, no memory and no
 * thread (the container calls back as bytes arrive), and the body deadline bounds a slow client.
 */
final class RefusalDrain implements ReadListener, AsyncListener {
    /** The largest declared body that is drained; a larger one is refused with the connection closed. */
    static final long LIMIT = 64L << 20;

    /** Writes the refusal. */
    interface Answer {
        /** @param close whether the connection must close (the body was not read to its end) */
        void write(boolean close) throws IOException;
    }

    private final AsyncContext async;
    private final ServletInputStream in;
    private final Answer answer;
    private final byte[] scratch = new byte[16 << 10];
    private final AtomicBoolean answered = new AtomicBoolean();

    private RefusalDrain(AsyncContext async, ServletInputStream in, Answer answer) {
        this.async = async;
        this.in = in;
        this.answer = answer;
    }

    /** Starts draining {@code req}'s body; {@code answer} runs once, when it has been read or given up on. */
    static void start(HttpServletRequest req, long timeoutMillis, Answer answer) throws IOException {
        AsyncContext async = req.startAsync();
        async.setTimeout(timeoutMillis);
        RefusalDrain drain = new RefusalDrain(async, req.getInputStream(), answer);
        async.addListener(drain);
        drain.in.setReadListener(drain);
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!answered.get() && in.isReady()) {
            if (in.read(scratch) < 0) {
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        finish(false);
    }

    @Override
    public void onError(Throwable t) {
        finish(true);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        finish(true);
    }

    @Override
    public void onError(AsyncEvent event) {
        finish(true);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        answered.set(true);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private void finish(boolean close) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            answer.write(close);
        } catch (IOException | RuntimeException e) {
            // the client is gone; nothing more to tell it
        } finally {
            async.complete();
        }
    }
}
