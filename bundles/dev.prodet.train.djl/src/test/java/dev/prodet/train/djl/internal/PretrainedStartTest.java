package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.io.Sha256;
import dev.prodet.api.model.InitialWeights;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.ParameterInit;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.api.nn.Safetensors;
import dev.prodet.api.nn.WeightNames;
import dev.prodet.backbone.efficientnet.internal.EfficientNetBackbone;
import dev.prodet.regularizer.opr.internal.OprComponents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model.pretrained} reaches a fresh training session: every EfficientNet-B4 backbone parameter starts from the
 * file (efficientnet-pytorch names), except the stem convolution, which DeepfakeBench re-initialises after loading.
 */
class PretrainedStartTest {
    private static final int SIZE = 64;

    @Test
    void freshSessionStartsFromTheFileWithTheStemReinitialised(@TempDir Path home) throws Exception {
        EfficientNetBackbone.B4 b4 = new EfficientNetBackbone.B4();
        NetworkBuilder b = new NetworkBuilder("b4");
        b.output("features", b4.build(b, b.input("image", 3, SIZE, SIZE), SIZE));
        Network backbone = b.build();
        WeightNames names = b4.weightNames().get(0);
        Map<String, float[]> file = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> expected = new LinkedHashMap<>();
        int k = 0;
        for (ParameterSpec p : backbone.parameters()) {
            float[] v = new float[(int) p.size()];
            Arrays.fill(v, 0.001f * (++k));
            file.put(names.sourceName().apply(p.name()), v);
            shapes.put(names.sourceName().apply(p.name()), p.shape());
            expected.put(p.name(), v);
        }
        file.put("_fc.weight", new float[1000 * 1792]); // the ImageNet classifier: in the file, not used
        shapes.put("_fc.weight", new long[] {1000, 1792});
        Safetensors.write(home.resolve("b4.safetensors"), file, shapes);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, float[]> start =
                PretrainedStart.values("b4.safetensors", b4, SIZE, home, new PrintStream(log, true, "UTF-8"));
        assertTrue(log.toString("UTF-8").contains("efficientnet-pytorch layout"), log.toString("UTF-8"));
        try (TrainingSession s = new TrainingSession(
                ai.djl.Device.cpu(),
                b4,
                new TrainingSession.ModelShape(SIZE, 32, 32),
                new OprComponents.R2b2d(),
                5,
                new AdamOptimizer(2e-4, 5e-4),
                start)) {
            Map<String, float[]> actual = s.block().values();
            for (Map.Entry<String, float[]> e : expected.entrySet()) {
                if (e.getKey().equals("backbone.stem.weight")) {
                    assertFalse(Arrays.equals(e.getValue(), actual.get(e.getKey())), "the stem is re-initialised");
                    ParameterSpec stem = backbone.parameters().get(0);
                    assertArrayEquals(ParameterInit.values(stem, 5), actual.get(e.getKey()), "fresh stem init");
                } else {
                    assertArrayEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
                }
            }
        }
    }

    @Test
    void noKeyMeansNoPretrainedValuesAndAMissingFileIsNamed(@TempDir Path home) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        EfficientNetBackbone.B4 b4 = new EfficientNetBackbone.B4();
        assertNull(assertDoesNotThrowValues(null, b4, home, quiet));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PretrainedStart.values("weights/none.safetensors", b4, SIZE, home, quiet));
        assertTrue(
                e.getMessage().contains("model.pretrained") && e.getMessage().contains("none.safetensors"),
                e.getMessage());
    }

    @Test
    void theRunRecordsTheFileItStartedFromAndAResumedRunKeepsTheRecord(@TempDir Path home) throws Exception {
        Path file = Files.createDirectories(home.resolve("weights")).resolve("start.safetensors");
        Files.write(file, "weights".getBytes(StandardCharsets.UTF_8));
        InitialWeights fresh = RunFactory.initialWeights("weights/start.safetensors", home, Optional.empty());
        assertEquals(new InitialWeights("weights/start.safetensors", Sha256.of(file)), fresh);
        assertNull(RunFactory.initialWeights(null, home, Optional.empty()), "random weights: nothing to record");

        Files.write(file, "changed since".getBytes(StandardCharsets.UTF_8)); // the run went on from its checkpoint
        TrainingCheckpoint.State state = new TrainingCheckpoint.State(
                99, "opr-tb", 5, "r", "compact", List.of(), "d:train", null, 12, fresh, "abc");
        assertEquals(
                fresh,
                RunFactory.initialWeights(
                        "weights/start.safetensors",
                        home,
                        Optional.of(new Checkpoint.Restored(Map.of(), Map.of(), 100, state))));
    }

    private static Map<String, float[]> assertDoesNotThrowValues(
            String file, EfficientNetBackbone.B4 b4, Path home, PrintStream out) {
        try {
            return PretrainedStart.values(file, b4, SIZE, home, out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
