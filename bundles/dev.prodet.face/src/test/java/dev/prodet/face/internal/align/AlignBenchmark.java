package dev.prodet.face.internal.align;

import dev.prodet.api.face.RgbImage;
import dev.prodet.face.internal.assets.Asset;
import dev.prodet.face.internal.assets.AssetLocator;
import dev.prodet.face.internal.blazeface.BlazeFace;
import dev.prodet.face.internal.blazeface.Nms;
import dev.prodet.face.internal.cv.Mats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Throughput of the face pipeline: aligned faces per second (BlazeFace detection + face-mesh landmarks in the frame
 * + similarity warp + landmarks on the crop) on the two public-domain portraits, alternately, with 1 and with 2
 * caller threads; and detection alone for comparison. Not a unit test: run it by hand (the command is in the
 * bundle's README) after {@code scripts/fetch-assets.sh}.
 *
 * <p>Arguments: {@code [seconds per measurement, default 10]}.
 */
public final class AlignBenchmark {

    private AlignBenchmark() {}

    /** Runs the benchmark and prints one line per measurement. */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        AssetLocator assets = AssetLocator.fromSystem();
        List<RgbImage> frames = List.of(
                Mats.read(assets.dir().resolve("images/astronaut.png")),
                Mats.read(assets.dir().resolve("images/grace_hopper.jpg")));
        System.out.printf(
                "cores %d, java %s, frames: astronaut 512x512, grace_hopper 512x600%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (FacePipeline pipeline = FacePipeline.blazeface(assets);
                BlazeFace detector = new BlazeFace(
                        assets.require(Asset.BLAZEFACE_FRONT), BlazeFace.DEFAULT_MIN_SCORE, Nms.Mode.WEIGHTED)) {
            Predicate<RgbImage> align = f -> pipeline.alignLargest(f).isPresent();
            Predicate<RgbImage> detect = f -> !detector.detect(f).isEmpty();
            measure("warm-up", align, frames, 1, Math.max(2, seconds / 3));
            measure("warm-up", detect, frames, 1, Math.max(1, seconds / 5));
            for (int threads : new int[] {1, 2}) {
                measure("detect+landmarks+align", align, frames, threads, seconds);
            }
            measure("detect only", detect, frames, 1, seconds);
        }
    }

    private static void measure(String what, Predicate<RgbImage> op, List<RgbImage> frames, int threads, int seconds)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            results.add(pool.submit(() -> {
                long done = 0;
                long found = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                    found += op.test(frames.get(i % frames.size())) ? 1 : 0;
                    done++;
                }
                return new long[] {done, found};
            }));
        }
        long done = 0;
        long found = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get();
            done += r[0];
            found += r[1];
        }
        pool.shutdown();
        double secs = (System.nanoTime() - start) / 1e9;
        if (found != done) {
            throw new IllegalStateException(what + ": only " + found + " of " + done + " frames gave a face");
        }
        System.out.printf(
                "%-24s threads %d: %6d frames in %.1f s = %7.1f per second (%.2f ms each per thread)%n",
                what, threads, done, secs, done / secs, 1000.0 * secs * threads / done);
    }
}
