package dev.prodet.train.djl.internal.data;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.data.internal.dataset.ManifestDataset;
import dev.prodet.data.internal.manifest.DatasetFiles;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.ManifestIo;
import dev.prodet.data.internal.manifest.VideoEntry;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test (nothing is asserted; excluded from the default build): memory and batch throughput of the
 * training data path on a synthetic manifest of 100,000 frames in FaceForensics++ proportions (20,000 real, 80,000
 * manipulated; 2,000 videos of 50 frames). To keep the folder small, frames share 400 crop files and 10,000
 * landmark files (jittered per file, so the donor search is not degenerate). Run:
 * {@code mvn -B -o test -pl bundles/dev.prodet.train.djl -Dgroups=benchmark -Dbenchmarks.excluded=none
 * -Dtest=DataPathBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class DataPathBenchmark {
    static final int FRAMES = 100_000;
    static final int PER_VIDEO = 50;
    static final int CROPS = 400;
    static final int LANDMARK_FILES = 10_000;

    @TempDir
    Path dir;

    @Test
    void residentMemoryAndBatchThroughput() throws Exception {
        write(dir);
        report("manifest written (" + FRAMES + " frames)", 0);
        long t0 = System.nanoTime();
        ManifestDataset ds = ManifestDataset.open(dir);
        report("dataset opened", System.nanoTime() - t0);
        t0 = System.nanoTime();
        RealFaces faces = RealFaces.of(ds, Split.TRAIN, RealFaces.DEFAULT_CACHE_BYTES);
        report("real faces indexed: " + faces, System.nanoTime() - t0);
        TupleMaker maker = new TupleMaker(
                faces, TupleLayoutTest.LAYOUT, TupleLayoutTest.generators(), TupleAugmentation.Settings.OFFICIAL, 1);
        Preprocessing prep = new Preprocessing(
                256,
                List.of(0.5, 0.5, 0.5),
                List.of(0.5, 0.5, 0.5),
                "RGB",
                faces.face(0).face().preprocessor());
        int tuples = 8;
        int steps = 30;
        try (ForgeryBatchSource<float[]> source =
                new ForgeryBatchSource<>(maker, tuples, prep, 1, 2, 4, (images, n) -> images)) {
            source.take(0); // warm-up
            t0 = System.nanoTime();
            for (int s = 1; s <= steps; s++) {
                source.take(s);
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            report(
                    String.format(
                            "%d batches of %d tuples (256 px, SBI + CBI + swap, 2 workers): %.1f tuples/s, %.2f s per"
                                    + " batch; %d crops loaded, %.0f MiB of crops cached",
                            steps,
                            tuples,
                            steps * tuples / sec,
                            sec / steps,
                            faces.loads(),
                            faces.cachedBytes() / 1048576.0),
                    0);
        }
        // before: the batch source copied the whole split (every frame, fake ones too) and the donor index took the
        // split again, loading every crop twice
        System.out.printf(
                "before: every frame of the split in memory: %d x %d KiB = %.1f GiB%n",
                FRAMES, 3 * 256 * 256 / 1024, FRAMES * 3.0 * 256 * 256 / (1L << 30));
    }

    private static void report(String what, long nanos) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "%-90s heap used %5.0f MiB, resident %5.0f MiB%s%n",
                what,
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                residentMiB(),
                nanos > 0 ? String.format(", %.1f s", nanos / 1e9) : "");
    }

    static double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux: heap only
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    static void write(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        List<FaceSample> base = SyntheticFaces.pool(CROPS / 4, 4);
        for (int c = 0; c < CROPS; c++) {
            DatasetFiles.writePng(
                    dir.resolve("crops/" + c + ".png"), base.get(c).face().image());
        }
        for (int l = 0; l < LANDMARK_FILES; l++) {
            float[] xy = base.get(l % CROPS).face().landmarks().toArray();
            for (int i = 0; i < xy.length; i++) {
                xy[i] += (float) r.nextDouble(-2, 2);
            }
            DatasetFiles.writeNpy(dir.resolve("landmarks/" + l + ".npy"), new Landmarks(xy));
        }
        List<VideoEntry> videos = new ArrayList<>();
        int frame = 0;
        for (int v = 0; frame < FRAMES; v++) {
            boolean real = v % 5 == 0; // FaceForensics++: one original per four manipulations
            String id = real ? String.format("%04d", v) : String.format("m%d/%04d_x", v % 4, v);
            List<FrameEntry> frames = new ArrayList<>();
            for (int f = 0; f < PER_VIDEO; f++, frame++) {
                int c = (v * 7 + f) % CROPS;
                int l = frame % LANDMARK_FILES;
                frames.add(new FrameEntry(f, f, "crops/" + c + ".png", "-", "landmarks/" + l + ".npy", "-"));
            }
            videos.add(new VideoEntry(
                    id + ".mp4", 1, 1, id, "p" + v / 5, real ? "real" : "fake", "train", 300, 50, 0, frames));
        }
        ManifestIo.write(
                dir,
                new Manifest(Manifest.FORMAT, "synthetic-100k", "/none", FfppLayout.PREPROCESSOR, "1.0.0", 50, videos));
    }
}
