package dev.prodet.train.djl.internal;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.train.djl.internal.config.ExperimentConfig;
import dev.prodet.train.djl.internal.data.ForgeryBatchSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ./prodet bench train}: the speed of a configured run, split so that a user sees which side limits it.
 * (1) The model step alone (forward, backward, Adam) at each intra-op thread count asked for, on batches made before
 * the clock starts; thread counts alternate within each round, and medians are reported. (2) The data pipeline alone:
 * batches from the run's batch source with its workers, nothing else running. (3) Both together, as a training run
 * does (take the batch, then step), with the configured threads and workers.
 */
final class TrainBenchmark {
    /** What to measure. */
    record Options(
            List<Integer> threads, List<Integer> replicas, int steps, int rounds, int warmup, int pipelineBatches) {}

    /** Threads of the step and data-parallel replicas of the batch (see {@link ReplicaPool}). */
    record Setting(int threads, int replicas) {
        @Override
        public String toString() {
            return threads + " thread" + (threads == 1 ? "" : "s") + ", " + replicas + " replica"
                    + (replicas == 1 ? "" : "s");
        }
    }

    /** Medians of one measurement. */
    record Figure(double imagesPerSecond, double msPerStep, int samples) {}

    private final TrainingSession session;
    private final ForgeryBatchSource<Batch> source;
    private final ExperimentConfig config;
    private final PrintStream out;
    private long step;

    TrainBenchmark(
            TrainingSession session, ForgeryBatchSource<Batch> source, ExperimentConfig config, PrintStream out) {
        this.session = session;
        this.source = source;
        this.config = config;
        this.out = out;
    }

    /** Runs the three measurements and returns the summary. */
    String run(Options o) throws InterruptedException {
        int tuples = config.data().tuplesPerBatch();
        int rows = tuples * config.data().anchors().size();
        out.printf(
                "[bench] %s: %s, %d images of %d px per step; threads %s, replicas %s, %d rounds of %d steps%n",
                config.run().name(),
                session.block().network().name(),
                rows,
                config.model().inputSize(),
                o.threads(),
                o.replicas(),
                o.rounds(),
                o.steps());
        Map<Setting, Figure> model = modelStep(o);
        Setting configured = new Setting(
                IntraOpThreads.apply(config.run().threads(), config.run().replicaCount()),
                config.run().replicaCount());
        session.replicas(configured.replicas(), configured.threads());
        out.printf(
                "[bench] data pipeline alone: %d batches with %d workers...%n",
                o.pipelineBatches(), config.data().workers());
        double tuplesPerSecond = pipeline(o.pipelineBatches());
        Figure both = training(o);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "model step alone (%s, %d images/step, input made beforehand):%n",
                config.run().name(), rows));
        Figure base = model.get(new Setting(1, 1));
        model.forEach((k, f) -> {
            sb.append(String.format(
                    "  %-22s: %6.1f images/s, %6.1f ms/step (median of %d steps)",
                    k, f.imagesPerSecond(), f.msPerStep(), f.samples()));
            Figure oneThread = model.get(new Setting(1, k.replicas()));
            if (k.threads() > 1 && oneThread != null) {
                sb.append(String.format(", %.2fx the step at 1 thread", oneThread.msPerStep() / f.msPerStep()));
                if (k.replicas() > 1 && base != null) {
                    sb.append(String.format(" (%.2fx 1 thread, 1 replica)", base.msPerStep() / f.msPerStep()));
                }
            }
            sb.append(String.format("%n"));
        });
        sb.append(String.format(
                "data pipeline alone (%d workers): %.1f tuples/s = %.1f images/s (%.0f ms per batch of %d tuples)%n",
                config.data().workers(),
                tuplesPerSecond,
                tuplesPerSecond * rows / tuples,
                1000 * tuples / tuplesPerSecond,
                tuples));
        sb.append(String.format(
                "training, pipeline and step together (%s, %d workers): %.1f images/s, %.1f ms/step"
                        + " (mean of %d steps)%n",
                configured, config.data().workers(), both.imagesPerSecond(), both.msPerStep(), both.samples()));
        Figure alone = model.get(configured);
        if (alone != null) {
            sb.append(String.format(
                    "  = %.0f%% of the model step alone at %s; %s%n",
                    100 * both.imagesPerSecond() / alone.imagesPerSecond(),
                    configured,
                    tuplesPerSecond * alone.msPerStep() / 1000 < tuples
                            ? "the data pipeline cannot keep up with the step"
                            : "the pipeline alone is fast enough; the two compete for the cores"));
        }
        return sb.toString().stripTrailing();
    }

    private Map<Setting, Figure> modelStep(Options o) {
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batches.add(noise(i));
        }
        List<Setting> settings = new ArrayList<>();
        for (int t : o.threads()) {
            for (int r : o.replicas()) {
                if (config.data().tuplesPerBatch() % r == 0) {
                    settings.add(new Setting(t, r));
                } else {
                    out.printf(
                            "[bench] skipping %d replicas: %d tuples per batch do not split evenly%n",
                            r, config.data().tuplesPerBatch());
                }
            }
        }
        Map<Setting, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round < o.rounds(); round++) {
            for (Setting t : settings) {
                IntraOpThreads.apply(t.threads(), t.replicas());
                session.replicas(t.replicas(), t.threads());
                for (int i = 0; i < o.warmup(); i++) {
                    session.step(batches.get(i % batches.size()), step++);
                }
                double[] ms = new double[o.steps()];
                for (int i = 0; i < o.steps(); i++) {
                    long t0 = System.nanoTime();
                    session.step(batches.get(i % batches.size()), step++);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                times.computeIfAbsent(t, k -> new ArrayList<>())
                        .addAll(Arrays.stream(ms).boxed().toList());
                double med = median(ms);
                out.printf(
                        "[bench] round %d, %s: %.1f ms/step, %.1f images/s%n",
                        round + 1, t, med, batches.get(0).rows() * 1000 / med);
            }
        }
        Map<Setting, Figure> out = new LinkedHashMap<>();
        times.forEach((t, l) -> {
            double med = median(l.stream().mapToDouble(Double::doubleValue).toArray());
            out.put(t, new Figure(batches.get(0).rows() * 1000 / med, med, l.size()));
        });
        return out;
    }

    /** Tuples per second of the batch source, from the third batch on (the first ones warm the code up). */
    private double pipeline(int count) throws InterruptedException {
        long first = step;
        source.take(step++);
        source.take(step++);
        long t0 = System.nanoTime();
        for (int i = 2; i < count; i++) {
            source.take(step++);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return (step - first - 2) * config.data().tuplesPerBatch() / seconds;
    }

    /**
     * Steady-state training speed: total images over the wall time of {@code 2 × steps} steps, after as many untimed
     * steps as it takes to use up the batches queued ahead (prefetch and workers) plus one window of {@code steps}.
     * Timing only the first steps after a pause counts the queued batches as free and overstates the speed.
     */
    private Figure training(Options o) throws InterruptedException {
        int untimed = o.warmup() + config.data().prefetch() + config.data().workers() + o.steps();
        for (int i = 0; i < untimed; i++) {
            session.step(source.take(step), step++);
        }
        int timed = 2 * o.steps();
        long rows = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            Batch b = source.take(step);
            session.step(b, step++);
            rows += b.rows();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Figure(rows * 1000 / ms, ms / timed, timed);
    }

    /** Standard-normal pixels in the run's layout: the step's cost does not depend on the pixel values. */
    private Batch noise(long seed) {
        List<AnchorKind> layout = config.data().anchors();
        int n = config.data().tuplesPerBatch();
        int size = config.model().inputSize();
        float[] px = new float[layout.size() * n * 3 * size * size];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextGaussian();
        }
        return new Batch(px, layout, n, size);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
