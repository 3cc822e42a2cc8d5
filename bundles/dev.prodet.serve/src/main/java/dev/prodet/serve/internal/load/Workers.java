package dev.prodet.serve.internal.load;

import dev.prodet.api.serve.ApiException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that do the heavy part of requests (decoding, faces, models): a fixed number, with a bounded queue in
 * front. HTTP threads only read bodies and hand over, so they stay free for health probes and quick answers; when
 * the queue is full the answer is 429 with {@code Retry-After} at once, never an unbounded wait.
 */
public final class Workers implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final int retryAfterSeconds;

    /**
     * @param threads workers, &ge; 1
     * @param maxPending jobs waiting at most
     * @param retryAfterSeconds the {@code Retry-After} of refusals
     */
    public Workers(int threads, int maxPending, int retryAfterSeconds) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                maxPending == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(maxPending),
                r -> {
                    Thread t = new Thread(r, "prodet-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Runs {@code job} on a worker.
     *
     * @throws ApiException 429 when every worker is busy and the queue is full
     */
    public void submit(Runnable job) throws ApiException {
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            throw ApiException.busy(
                    429,
                    "too-many-requests",
                    pool.isShutdown()
                            ? "the runtime is stopping"
                            : "all " + pool.getMaximumPoolSize() + " workers are busy and "
                                    + pool.getQueue().size() + " requests are waiting; retry shortly",
                    retryAfterSeconds);
        }
    }

    /** Whether a job submitted now would be refused: every worker busy and the queue full. */
    public boolean full() {
        return pool.getActiveCount() >= pool.getMaximumPoolSize()
                && pool.getQueue().remainingCapacity() == 0;
    }

    /** The refusal {@link #submit} gives when full. */
    public ApiException refusal() {
        return ApiException.busy(
                429,
                "too-many-requests",
                "all " + pool.getMaximumPoolSize() + " workers are busy and "
                        + pool.getQueue().size() + " requests are waiting; retry shortly",
                retryAfterSeconds);
    }

    /** Jobs running now. */
    public int busy() {
        return pool.getActiveCount();
    }

    /** Jobs waiting for a worker. */
    public int pending() {
        return pool.getQueue().size();
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
