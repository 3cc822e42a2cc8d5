package dev.prodet.train.djl.internal.data;

import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.train.djl.internal.Seeds;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Makes training batches of aligned tuples ({@link TupleMaker}) in anchor blocks (docs/method.md §2.2). Batches are built
 * by worker threads up to {@code prefetch} steps ahead; every random choice derives from (seed, step, row, anchor),
 * so a batch does not depend on which thread made it, and a resumed run sees the same batches.
 *
 * @param <B> the batch type the caller assembles from the floats
 */
public final class ForgeryBatchSource<B> implements AutoCloseable {
    private final TupleMaker tuples;
    private final int tuplesPerBatch;
    private final Preprocessing preprocessing;
    private final long seed;
    private final int prefetch;
    private final BiFunction<float[], Integer, B> assemble;
    private final ExecutorService workers;
    private final Map<Long, Future<B>> pending = new ConcurrentHashMap<>();
    private final AtomicLong noDonorEvents = new AtomicLong();

    public ForgeryBatchSource(
            TupleMaker tuples,
            int tuplesPerBatch,
            Preprocessing preprocessing,
            long seed,
            int workers,
            int prefetch,
            BiFunction<float[], Integer, B> assemble) {
        this.tuples = tuples;
        this.tuplesPerBatch = tuplesPerBatch;
        this.preprocessing = preprocessing;
        this.seed = seed;
        this.prefetch = prefetch;
        this.assemble = assemble;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "prodet-batches");
            t.setDaemon(true);
            return t;
        });
    }

    /** The batch of {@code step}; later steps are queued so workers stay ahead. */
    public B take(long step) throws InterruptedException {
        for (long s = step; s < step + prefetch; s++) {
            final long k = s;
            pending.computeIfAbsent(k, x -> workers.submit(() -> build(k)));
        }
        try {
            return pending.remove(step).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException("batch " + step + ": " + c, c);
        }
    }

    /** Times a row had to redraw its face because no donor from another video existed. */
    public long noDonorEvents() {
        return noDonorEvents.get();
    }

    /** The floats of batch {@code step}: block b holds anchor {@code layout[b]} of every row. */
    float[] images(long step) {
        List<?> layout = tuples.layout();
        int per = InputTensors.size(preprocessing);
        float[] images = new float[layout.size() * tuplesPerBatch * per];
        SplittableRandom picks = new SplittableRandom(Seeds.mix(seed, step));
        for (int row = 0; row < tuplesPerBatch; row++) {
            TupleMaker.Tuple t = tuples.make(step, row, picks, noDonorEvents::incrementAndGet);
            for (int b = 0; b < layout.size(); b++) {
                InputTensors.fill(t.images().get(b), preprocessing, images, (b * tuplesPerBatch + row) * per);
            }
        }
        return images;
    }

    private B build(long step) {
        return assemble.apply(images(step), tuplesPerBatch);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
