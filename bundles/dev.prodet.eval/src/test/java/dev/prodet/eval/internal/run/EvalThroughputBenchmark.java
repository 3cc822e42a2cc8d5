package dev.prodet.eval.internal.run;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.Scorer;
import dev.prodet.eval.internal.fixtures.ProDetModel;
import dev.prodet.eval.internal.fixtures.SyntheticFaces;
import dev.prodet.eval.internal.ort.OrtScorerFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Benchmark, not a test (nothing is asserted; excluded from the default build): faces evaluated per second with an
 * ONNX model package. End to end = PNG decoding of 256×256 crops (as a prepared dataset stores them), the training
 * preprocessing and ONNX Runtime, through {@link Evaluator} (batch 32, loader thread), best of two passes over 256
 * faces; model only = ORT on a preprocessed batch of 32, best of 5 runs. The cores may be shared with other work,
 * so both take the best of repeated runs after a warm-up, the least disturbed estimate. Run:
 * {@code mvn -B -o test -pl bundles/dev.prodet.eval -Dgroups=benchmark -Dbenchmarks.excluded=none
 * -Dtest=EvalThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; rows (backbone, input size, cores,
 * end-to-end faces/s, model-only faces/s) go to stdout.
 */
@Tag("benchmark")
class EvalThroughputBenchmark {
    private static final int FACES = 256;
    private static final int BATCH = 32;

    @ParameterizedTest
    @CsvSource({"compact,128", "efficientnet-b4,256"})
    void facesPerSecond(String backbone, int size, @TempDir Path dir) throws Exception {
        ProDetModel m = backbone.equals("compact")
                ? new ProDetModel(size, 1, SyntheticFaces.PREPROCESSOR)
                : ProDetModel.efficientNetB4(size, 1, SyntheticFaces.PREPROCESSOR);
        m.exportPackage(dir.resolve("pkg"), 0.5);
        List<FaceSample> faces = pngDataset(dir.resolve("crops"));
        try (Scorer s = new OrtScorerFactory().open(dir.resolve("pkg"))) {
            Evaluator e = new Evaluator(s, BATCH);
            e.score(faces.subList(0, BATCH * 2), null, 0, 0); // warm-up: session, allocator, JIT
            double best = Double.MAX_VALUE;
            for (int pass = 0; pass < 2; pass++) {
                long t0 = System.nanoTime();
                e.score(faces, null, 0, 0);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            double endToEnd = FACES / best;
            float[] x = new float[BATCH * InputTensors.size(s.preprocessing())];
            for (int i = 0; i < BATCH; i++) {
                InputTensors.fill(
                        faces.get(i).face().image(), s.preprocessing(), x, i * InputTensors.size(s.preprocessing()));
            }
            double[] t = new double[5];
            for (int r = 0; r < t.length; r++) {
                long a = System.nanoTime();
                s.score(x, BATCH);
                t[r] = (System.nanoTime() - a) / 1e9;
            }
            Arrays.sort(t);
            System.out.printf(
                    "| %s | %d | %d | %.1f | %.1f |%n",
                    backbone, size, Runtime.getRuntime().availableProcessors(), endToEnd, BATCH / t[0]);
        }
    }

    /** 256 synthetic 256×256 crops written as PNG, decoded again each time a face is read. */
    private static List<FaceSample> pngDataset(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<FaceSample> meta = SyntheticFaces.dataset(FACES / 8, 4, 256, 5);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < meta.size(); i++) {
            RgbImage img = meta.get(i).face().image();
            BufferedImage bi = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    bi.setRGB(x, y, img.get(x, y, 0) << 16 | img.get(x, y, 1) << 8 | img.get(x, y, 2));
                }
            }
            Path f = dir.resolve(i + ".png");
            ImageIO.write(bi, "png", f.toFile());
            files.add(f);
        }
        return new AbstractList<>() {
            @Override
            public FaceSample get(int i) {
                FaceSample m = meta.get(i);
                try {
                    BufferedImage bi = ImageIO.read(files.get(i).toFile());
                    byte[] px = new byte[256 * 256 * 3];
                    for (int y = 0; y < 256; y++) {
                        for (int x = 0; x < 256; x++) {
                            int rgb = bi.getRGB(x, y);
                            int o = (y * 256 + x) * 3;
                            px[o] = (byte) (rgb >> 16);
                            px[o + 1] = (byte) (rgb >> 8);
                            px[o + 2] = (byte) rgb;
                        }
                    }
                    return new FaceSample(
                            new AlignedFace(
                                    new RgbImage(256, 256, px),
                                    m.face().landmarks(),
                                    null,
                                    m.face().preprocessor()),
                            m.videoId(),
                            m.identity(),
                            m.label(),
                            m.frameIndex(),
                            m.relativePath());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int size() {
                return meta.size();
            }
        };
    }
}
