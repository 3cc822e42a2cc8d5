package dev.prodet.forgery.blend.testing;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A plain throughput measurement for a generator on 256×256 synthetic faces: frames per second on one thread and
 * on all available cores (one independent seed stream per thread), after a warm-up. Not a JMH benchmark: it reports
 * the mean over a fixed wall-clock window, good to the first digit or two.
 */
public final class GeneratorThroughput {

    private GeneratorThroughput() {}

    /** Prints frames/s of {@code generator} for 1 thread and for all cores. */
    public static void report(String name, ForgeryGenerator generator, double seconds) throws Exception {
        List<FaceSample> pool = SyntheticFaces.pool(24, 4);
        ForgeryContext ctx = LandmarkDonorIndex.of(pool);
        List<FaceSample> targets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            targets.add(SyntheticFaces.face("bench" + i, "bench-person" + i, i));
        }
        run(generator, targets, ctx, 1, 2.0); // warm-up: let the JIT compile the hot loops
        int cores = Runtime.getRuntime().availableProcessors();
        double one = run(generator, targets, ctx, 1, seconds);
        double all = run(generator, targets, ctx, cores, seconds);
        System.out.printf(
                "%s: %.1f frames/s on 1 thread (%.2f ms/frame), %.1f frames/s on %d threads%n",
                name, one, 1000 / one, all, cores);
    }

    private static double run(
            ForgeryGenerator g, List<FaceSample> targets, ForgeryContext ctx, int threads, double seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    int n = 0;
                    while (System.nanoTime() < end) {
                        g.generate(targets.get(n % targets.size()), ctx, rng);
                        n++;
                    }
                    return n;
                }));
            }
            int frames = 0;
            for (Future<Integer> f : futures) {
                frames += f.get();
            }
            return frames / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
