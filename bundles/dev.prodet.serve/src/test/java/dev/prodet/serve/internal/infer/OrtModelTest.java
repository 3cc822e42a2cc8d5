package dev.prodet.serve.internal.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.serve.internal.TestPackages;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrtModelTest {
    @TempDir
    Path repo;

    @Test
    void runsABatchExactlyAsAPlainSession() throws Exception {
        ModelPackage pkg = TestPackages.export(repo, "m", "1", 7);
        int item = 3 * TestPackages.SIZE * TestPackages.SIZE;
        float[] x = new float[2 * item];
        Random rnd = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        try (OrtModel m = OrtModel.load(pkg, SessionSettings.CPU)) {
            assertEquals("CPU", m.provider());
            assertArrayEquals(new long[] {3, 64, 64}, m.itemShape());
            Map<String, Tensor> out = m.run(x, 2);
            assertEquals(List.of("p_fake", "logits", "attention"), List.copyOf(out.keySet()));
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession s = env.createSession(pkg.modelFile().toString());
                    OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {2, 3, 64, 64});
                    OrtSession.Result r = s.run(Map.of("image", t))) {
                float[] direct = ((float[]) r.get("p_fake").orElseThrow().getValue());
                assertArrayEquals(direct, out.get("p_fake").data(), 1e-6f);
                assertArrayEquals(new long[] {2}, out.get("p_fake").shape());
            }
        }
    }

    @Test
    void cudaIsTriedAndFallsBackToCpuWithTheReason() throws Exception {
        ModelPackage pkg = TestPackages.export(repo, "m", "1", 7);
        try (OrtModel m = OrtModel.load(pkg, new SessionSettings(1, 1, true, 0, false))) {
            // the CPU-only ONNX Runtime of this build has no CUDA provider
            assertTrue(m.provider().startsWith("CPU (CUDA unavailable: "), m.provider());
            assertEquals(1, m.run(new float[3 * 64 * 64], 1).get("p_fake").data().length);
        }
    }

    @Test
    void aPackageWhoseMetadataDoesNotMatchTheGraphIsRefused() throws Exception {
        ModelPackage pkg = TestPackages.export(repo, "m", "1", 7);
        ModelMetadata md = pkg.metadata();
        Preprocessing p = md.preprocessing();
        ModelMetadata wrongSize = new ModelMetadata(
                md.formatVersion(),
                md.name(),
                md.version(),
                md.inputs(),
                md.outputs(),
                md.opset(),
                new Preprocessing(128, p.mean(), p.std(), p.colorOrder(), p.facePreprocessor()),
                md.threshold(),
                md.labels(),
                md.provenance(),
                md.metrics(),
                md.sha256());
        ModelPackage.write(pkg.dir(), wrongSize, Files.readAllBytes(pkg.modelFile()));
        ModelPackageException e = assertThrows(
                ModelPackageException.class, () -> OrtModel.load(ModelPackage.open(pkg.dir()), SessionSettings.CPU));
        assertTrue(e.getMessage().contains("serving needs [N, 3, 128, 128]"), e.getMessage());
    }

    @Test
    void bytesThatAreNotOnnxAreRefusedByTheEngine() throws Exception {
        ModelPackage pkg = TestPackages.fake(repo, "m", "1", "not an onnx graph".getBytes());
        ModelPackageException e =
                assertThrows(ModelPackageException.class, () -> OrtModel.load(pkg, SessionSettings.CPU));
        assertTrue(e.getMessage().contains("cannot be loaded by ONNX Runtime"), e.getMessage());
    }
}
