package dev.prodet.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading against a small network: exact fit, and an error naming the tensor for every kind of misfit. */
class PretrainedWeightsTest {
    @TempDir
    Path dir;

    /** conv (8×3×3×3) + BN in scope "backbone", a linear head outside it. */
    private static Network net() {
        NetworkBuilder b = new NetworkBuilder("tiny");
        String x = b.input("image", 3, 16, 16);
        b.scope("backbone");
        x = b.conv("stem", x, 8, 3, 2, Padding.symmetric(1), 1, false);
        x = b.batchNorm("stem_bn", x, 1e-5, 0.1);
        b.end();
        x = b.flatten("flat", b.globalAvgPool("pool", x));
        b.output("logits", b.linear("fc", x, 2));
        return b.build();
    }

    private static WeightNames torchNames(Set<String> reinit) {
        return new WeightNames(
                "torch-like",
                "backbone.",
                p -> {
                    String rest = p.substring("backbone.".length());
                    int dot = rest.lastIndexOf('.');
                    String module = rest.substring(0, dot).equals("stem") ? "conv1" : "bn1";
                    return module + "." + WeightNames.torchSuffix(rest.substring(dot + 1));
                },
                t -> t.startsWith("fc.") || t.endsWith("num_batches_tracked"),
                reinit);
    }

    private static TestSafetensors complete() {
        float[] conv = new float[8 * 27];
        for (int i = 0; i < conv.length; i++) {
            conv[i] = i / 100f;
        }
        return new TestSafetensors()
                .f32("conv1.weight", new long[] {8, 3, 3, 3}, conv)
                .f32("bn1.weight", new long[] {8}, 1, 2, 3, 4, 5, 6, 7, 8)
                .zeros("bn1.bias", 8)
                .zeros("bn1.running_mean", 8)
                .f32("bn1.running_var", new long[] {8}, 9, 9, 9, 9, 9, 9, 9, 9)
                .raw("bn1.num_batches_tracked", "I64", new long[] {}, new byte[8])
                .zeros("fc.weight", 1000, 8);
    }

    @Test
    void loadsEveryParameterInScopeAndLeavesTheHeadAlone() throws IOException {
        Path f = complete().write(dir.resolve("ok.safetensors"));
        PretrainedWeights.Loaded l = PretrainedWeights.load(f, net(), List.of(torchNames(Set.of())));
        assertEquals("torch-like", l.layout());
        assertEquals(
                Set.of(
                        "backbone.stem.weight",
                        "backbone.stem_bn.gamma",
                        "backbone.stem_bn.beta",
                        "backbone.stem_bn.runningMean",
                        "backbone.stem_bn.runningVar"),
                l.values().keySet());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, l.values().get("backbone.stem_bn.gamma"));
        assertEquals(0.26f, l.values().get("backbone.stem.weight")[26]);
    }

    @Test
    void reinitialisedParametersAreCheckedButNotLoaded() throws IOException {
        Path f = complete().write(dir.resolve("ok.safetensors"));
        PretrainedWeights.Loaded l =
                PretrainedWeights.load(f, net(), List.of(torchNames(Set.of("backbone.stem.weight"))));
        assertEquals(Set.of("backbone.stem.weight"), l.reinitialised());
        assertTrue(
                !l.values().containsKey("backbone.stem.weight") && l.values().size() == 4,
                "" + l.values().keySet());
    }

    @Test
    void missingTensorIsNamedWithLayoutAndFile() throws IOException {
        TestSafetensors t = new TestSafetensors()
                .zeros("conv1.weight", 8, 3, 3, 3)
                .zeros("bn1.weight", 8)
                .zeros("bn1.bias", 8)
                .zeros("bn1.running_mean", 8);
        Path f = t.write(dir.resolve("missing.safetensors"));
        String m = fails(f);
        assertTrue(m.contains("bn1.running_var") && m.contains("missing") && m.contains("torch-like"), m);
        assertTrue(m.contains(f.toString()), m);
    }

    @Test
    void misShapedTensorIsNamedWithBothShapes() throws IOException {
        Path f = complete().zeros("conv1.weight", 16, 3, 3, 3).write(dir.resolve("shape.safetensors"));
        String m = fails(f);
        assertTrue(m.contains("mis-shaped") && m.contains("[16, 3, 3, 3]") && m.contains("[8, 3, 3, 3]"), m);
    }

    @Test
    void extraTensorIsNamed() throws IOException {
        Path f = complete().zeros("layer5.conv.weight", 4).write(dir.resolve("extra.safetensors"));
        String m = fails(f);
        assertTrue(m.contains("extra") && m.contains("layer5.conv.weight"), m);
    }

    @Test
    void integerWeightsAreRefused() throws IOException {
        Path f = new TestSafetensors()
                .raw("conv1.weight", "I32", new long[] {8, 3, 3, 3}, new byte[8 * 27 * 4])
                .zeros("bn1.weight", 8)
                .zeros("bn1.bias", 8)
                .zeros("bn1.running_mean", 8)
                .zeros("bn1.running_var", 8)
                .write(dir.resolve("int.safetensors"));
        String m = fails(f);
        assertTrue(m.contains("conv1.weight has dtype I32"), m);
    }

    @Test
    void aBackboneWithoutLayoutsCannotLoad() throws IOException {
        Path f = complete().write(dir.resolve("ok.safetensors"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PretrainedWeights.load(f, net(), List.of()));
        assertTrue(e.getMessage().contains("no pretrained weight layout"), e.getMessage());
    }

    private String fails(Path f) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> PretrainedWeights.load(f, net(), List.of(torchNames(Set.of()))))
                .getMessage();
    }
}
