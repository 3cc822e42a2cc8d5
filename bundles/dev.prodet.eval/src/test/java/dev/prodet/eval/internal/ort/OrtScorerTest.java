package dev.prodet.eval.internal.ort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.Scorer;
import dev.prodet.eval.internal.fixtures.ProDetModel;
import dev.prodet.eval.internal.fixtures.SyntheticFaces;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The onnx scorer on a real exported compact ProDet package. */
class OrtScorerTest {
    private static final int SIZE = 128;

    @Test
    void probabilitiesEqualDirectOnnxRuntime(@TempDir Path dir) throws Exception {
        ProDetModel m = new ProDetModel(SIZE, 11, SyntheticFaces.PREPROCESSOR);
        ModelPackage pkg = m.exportPackage(dir, 0.5);
        OrtScorerFactory f = new OrtScorerFactory();
        assertTrue(f.accepts(dir));
        assertFalse(f.accepts(dir.getParent()));
        int n = 5;
        float[] x = random(n * 3 * SIZE * SIZE, 3);
        float[] expected = direct(pkg, x, n);
        try (Scorer s = f.open(dir)) {
            assertEquals(m.preprocessing, s.preprocessing());
            float[] p = s.score(x, n);
            assertEquals(n, p.length);
            double maxDiff = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(p[i] >= 0 && p[i] <= 1, "probability " + p[i]);
                maxDiff = Math.max(maxDiff, Math.abs(p[i] - expected[i]));
            }
            assertTrue(maxDiff <= 1e-6, "scorer vs direct ORT differ by " + maxDiff);
            assertTrue(spread(expected) > 1e-5, "inputs give different probabilities, so the test can fail");
            // a batch of 2 of the same images scores the same as those images in the batch of 5
            float[] two = s.score(java.util.Arrays.copyOf(x, 2 * 3 * SIZE * SIZE), 2);
            assertEquals(p[0], two[0], 1e-6);
            assertEquals(p[1], two[1], 1e-6);
            float[] feats = s.features(x, n);
            assertEquals(n * 64, feats.length, "pooled 64-wide classifier input per image");
            assertTrue(((OrtScorer) s).hasFeatures());
        }
    }

    @Test
    void withoutNetworkJsonFeaturesAreUnsupportedButScoresWork(@TempDir Path dir) throws Exception {
        new ProDetModel(SIZE, 11, SyntheticFaces.PREPROCESSOR).exportPackage(dir, 0.5);
        Files.delete(dir.resolve("network.json"));
        try (Scorer s = new OrtScorerFactory().open(dir)) {
            assertEquals(2, s.score(random(2 * 3 * SIZE * SIZE, 1), 2).length);
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, () -> s.features(random(3 * SIZE * SIZE, 1), 1));
            assertTrue(e.getMessage().contains("network.json"), e.getMessage());
        }
    }

    @Test
    void alteredPackageIsRefused(@TempDir Path dir) throws Exception {
        new ProDetModel(SIZE, 11, SyntheticFaces.PREPROCESSOR).exportPackage(dir, 0.5);
        try (RandomAccessFile raf =
                new RandomAccessFile(dir.resolve("model.onnx").toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 1);
        }
        IOException e = assertThrows(IOException.class, () -> new OrtScorerFactory().open(dir));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void wrongInputSizeIsAnError(@TempDir Path dir) throws Exception {
        new ProDetModel(SIZE, 11, SyntheticFaces.PREPROCESSOR).exportPackage(dir, 0.5);
        try (Scorer s = new OrtScorerFactory().open(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.score(new float[10], 1));
            assertTrue(e.getMessage().contains("3x128x128"), e.getMessage());
        }
    }

    /** p_fake of the package's model.onnx as it is, run by a plain ORT session. */
    private static float[] direct(ModelPackage pkg, float[] x, int n) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(Files.readAllBytes(pkg.modelFile()), so);
                OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {n, 3, SIZE, SIZE});
                OrtSession.Result r = session.run(Map.of("image", t))) {
            FloatBuffer fb = ((OnnxTensor) r.get("p_fake").orElseThrow()).getFloatBuffer();
            float[] out = new float[fb.remaining()];
            fb.get(out);
            return out;
        }
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static double spread(float[] v) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (float f : v) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        return hi - lo;
    }
}
