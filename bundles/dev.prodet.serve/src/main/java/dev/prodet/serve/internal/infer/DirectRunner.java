package dev.prodet.serve.internal.infer;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs each request as its own session run on the caller's thread. A semaphore bounds the runs in flight: one
 * session shared by many threads multiplies ONNX Runtime's thread pools and memory (onnxruntime#6181).
 */
public final class DirectRunner implements Runner {
    private final InferenceModel model;
    private final Semaphore permits;
    private final long timeoutNanos;
    private final Listener listener;

    /**
     * @param model the model version
     * @param maxConcurrent session runs in flight at most
     * @param timeoutMillis how long a request may wait for a free slot
     * @param listener told about every run
     */
    public DirectRunner(InferenceModel model, int maxConcurrent, long timeoutMillis, Listener listener) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1, got " + maxConcurrent);
        }
        this.model = model;
        this.permits = new Semaphore(maxConcurrent, true);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.listener = listener;
    }

    @Override
    public RunResult run(float[] input, int count) throws InferenceException {
        long t0 = System.nanoTime();
        try {
            if (!permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new InferenceException(
                        InferenceException.Kind.TIMEOUT,
                        "no free slot to run model "
                                + model.metadata().name() + " within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                                + " ms",
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException(InferenceException.Kind.TIMEOUT, "interrupted while waiting", e);
        }
        try {
            long t1 = System.nanoTime();
            var out = model.run(input, count);
            long t2 = System.nanoTime();
            listener.batch(model.metadata().name(), model.metadata().version(), count, t2 - t1);
            return new RunResult(out, count, t1 - t0, t2 - t1);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        // nothing queued: every caller ran on its own thread
    }
}
