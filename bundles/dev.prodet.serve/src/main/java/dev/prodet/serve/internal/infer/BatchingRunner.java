package dev.prodet.serve.internal.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Dynamic batching (Triton's {@code max_queue_delay}, DJL Serving's {@code max_batch_delay}): one worker thread takes
 * the oldest request, gathers more until the batch holds {@code maxBatch} items or the oldest has waited
 * {@code maxDelay}, runs them as one session run and hands every request its rows. A request larger than
 * {@code maxBatch} runs alone; the queue is bounded and a full queue answers "overloaded" at once.
 */
public final class BatchingRunner implements Runner {
    private record Job(float[] input, int count, long enqueued, CompletableFuture<RunResult> result) {}

    private final InferenceModel model;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final long timeoutNanos;
    private final Listener listener;
    private final LinkedBlockingDeque<Job> queue;
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param model the model version; all its outputs must have the batch as first dimension
     * @param maxBatch items per session run at most, &gt;= 1
     * @param maxDelayMicros how long the oldest request waits for company
     * @param queueCapacity requests waiting at most
     * @param timeoutMillis how long a request waits for its answer
     * @param listener told about every session run
     */
    public BatchingRunner(
            InferenceModel model,
            int maxBatch,
            long maxDelayMicros,
            int queueCapacity,
            long timeoutMillis,
            Listener listener) {
        if (maxBatch < 1 || maxDelayMicros < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("batching needs maxBatch >= 1, maxDelay >= 0, queue >= 1; got "
                    + maxBatch + ", " + maxDelayMicros + " us, " + queueCapacity);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = TimeUnit.MICROSECONDS.toNanos(maxDelayMicros);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.listener = listener;
        this.queue = new LinkedBlockingDeque<>(queueCapacity);
        this.worker = new Thread(
                this::work,
                "prodet-batcher-" + model.metadata().name() + "-"
                        + model.metadata().version());
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public RunResult run(float[] input, int count) throws InferenceException {
        String name = model.metadata().name() + " version " + model.metadata().version();
        if (closed) {
            throw new InferenceException(InferenceException.Kind.CLOSED, "model " + name + " is unloaded", null);
        }
        Job job = new Job(input, count, System.nanoTime(), new CompletableFuture<>());
        if (!queue.offerLast(job)) {
            throw new InferenceException(
                    InferenceException.Kind.OVERLOADED,
                    "the queue of model " + name + " is full (" + queue.size() + " requests waiting)",
                    null);
        }
        try {
            return job.result().get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            job.result().cancel(false); // the worker skips it if it has not started yet
            throw new InferenceException(
                    InferenceException.Kind.TIMEOUT,
                    "no answer from model " + name + " within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException(InferenceException.Kind.TIMEOUT, "interrupted while waiting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InferenceException ie) {
                throw ie;
            }
            throw new InferenceException(InferenceException.Kind.FAILED, "batch failed: " + e.getCause(), e.getCause());
        }
    }

    private void work() {
        List<Job> batch = new ArrayList<>();
        Job carry = null; // a request that did not fit the previous batch: first in the next one
        while (!closed || !queue.isEmpty() || carry != null) {
            try {
                Job first = carry != null ? carry : queue.pollFirst(50, TimeUnit.MILLISECONDS);
                carry = null;
                if (first == null || first.result().isDone()) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                int items = first.count();
                long deadline = first.enqueued() + maxDelayNanos;
                while (items < maxBatch) {
                    long wait = deadline - System.nanoTime();
                    Job next = wait <= 0 ? queue.pollFirst() : queue.pollFirst(wait, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    if (next.result().isDone()) {
                        continue;
                    }
                    if (items + next.count() > maxBatch) {
                        carry = next; // keeps its place for the next batch
                        break;
                    }
                    batch.add(next);
                    items += next.count();
                }
                execute(batch, items);
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            } catch (RuntimeException e) {
                for (Job j : batch) { // never leave a caller waiting for a batch that blew up
                    j.result().completeExceptionally(e);
                }
            }
        }
    }

    private void execute(List<Job> batch, int items) {
        int itemSize = model.itemSize();
        float[] input;
        if (batch.size() == 1) {
            input = batch.get(0).input();
        } else {
            input = new float[items * itemSize];
            int at = 0;
            for (Job j : batch) {
                System.arraycopy(j.input(), 0, input, at, j.input().length);
                at += j.input().length;
            }
        }
        long start = System.nanoTime();
        Map<String, Tensor> out;
        try {
            out = model.run(input, items);
        } catch (InferenceException e) {
            batch.forEach(j -> j.result().completeExceptionally(e));
            return;
        }
        long runNanos = System.nanoTime() - start;
        listener.batch(model.metadata().name(), model.metadata().version(), items, runNanos);
        int row = 0;
        for (Job j : batch) {
            Map<String, Tensor> mine = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : out.entrySet()) {
                mine.put(
                        e.getKey(),
                        batch.size() == 1 ? e.getValue() : e.getValue().rows(row, j.count()));
            }
            row += j.count();
            j.result().complete(new RunResult(mine, items, start - j.enqueued(), runNanos));
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Job j; (j = queue.pollFirst()) != null; ) {
            j.result()
                    .completeExceptionally(new InferenceException(
                            InferenceException.Kind.CLOSED,
                            "model " + model.metadata().name() + " was unloaded",
                            null));
        }
    }
}
