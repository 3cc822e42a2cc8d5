package dev.prodet.train.djl.internal.data;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.api.forgery.NoPairException;
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
 * Makes training batches of aligned tuples: for step s it draws {@code tuples} real faces and forges each anchor of
 * the layout from the same face with that anchor's generator plugin (docs/method.md §2.2). Batches are built by worker
 * threads up to {@code prefetch} steps ahead; every random choice derives from (seed, step, row, anchor), so a
 * batch does not depend on which thread made it, and a resumed run sees the same batches.
 *
 * @param <B> the batch type the caller assembles from the floats
 */
public final class ForgeryBatchSource<B> implements AutoCloseable {
    private final List<FaceSample> samples;
    private final List<AnchorKind> layout;
    private final Map<AnchorKind, ForgeryGenerator> generators;
    private final ForgeryContext donors;
    private final int tuples;
    private final Preprocessing preprocessing;
    private final long seed;
    private final int prefetch;
    private final BiFunction<float[], Integer, B> assemble;
    private final ExecutorService workers;
    private final Map<Long, Future<B>> pending = new ConcurrentHashMap<>();
    private final AtomicLong noDonorEvents = new AtomicLong();

    public ForgeryBatchSource(
            List<FaceSample> samples,
            List<AnchorKind> layout,
            Map<AnchorKind, ForgeryGenerator> generators,
            ForgeryContext donors,
            int tuples,
            Preprocessing preprocessing,
            long seed,
            int workers,
            int prefetch,
            BiFunction<float[], Integer, B> assemble) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no training faces: the dataset split is empty");
        }
        this.samples = List.copyOf(samples);
        this.layout = List.copyOf(layout);
        this.generators = Map.copyOf(generators);
        this.donors = donors;
        this.tuples = tuples;
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

    /** Times a CBI row had to redraw its face because no donor from another video existed. */
    public long noDonorEvents() {
        return noDonorEvents.get();
    }

    private B build(long step) {
        int per = InputTensors.size(preprocessing);
        float[] images = new float[layout.size() * tuples * per];
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, step));
        for (int row = 0; row < tuples; row++) {
            fillRow(step, row, rng, images, per);
        }
        return assemble.apply(images, tuples);
    }

    private void fillRow(long step, int row, SplittableRandom rng, float[] images, int per) {
        for (int attempt = 0; ; attempt++) {
            FaceSample face = samples.get(rng.nextInt(samples.size()));
            try {
                for (int b = 0; b < layout.size(); b++) {
                    AnchorKind a = layout.get(b);
                    RgbImage img = a == AnchorKind.REAL
                            ? face.face().image()
                            : generators
                                    .get(a)
                                    .generate(
                                            face,
                                            donors,
                                            new SplittableRandom(
                                                    Seeds.mix(Seeds.mix(seed, step), row * 16L + a.ordinal())))
                                    .image();
                    InputTensors.fill(img, preprocessing, images, (b * tuples + row) * per);
                }
                return;
            } catch (NoDonorException e) {
                noDonorEvents.incrementAndGet(); // counted, never replaced by a self blend
                if (attempt >= 20) {
                    throw new IllegalStateException(
                            e instanceof NoPairException
                                    ? "20 real faces in a row have no paired manipulated frame (last: " + e.getMessage()
                                            + "); check the dataset's manipulated videos"
                                    : "no face of the training split has a CBI donor from another video (last: "
                                            + e.getMessage() + "); add videos of other people",
                            e);
                }
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
