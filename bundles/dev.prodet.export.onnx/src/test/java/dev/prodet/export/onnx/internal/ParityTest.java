package dev.prodet.export.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.prodet.api.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Done-when of the network-description issue: for every backbone plugin on the class path with the ProDet head, DJL (inference mode) and
 * the exported model in ONNX Runtime (all optimisations on) agree within 1e-4 on random inputs, freshly
 * initialised and after a few training steps that move the batch-norm statistics.
 */
class ParityTest {
    private static final double TOLERANCE = 1e-4;
    private static final int BATCH = 2;

    /** Every backbone plugin found; at least the build's own, so a broken discovery cannot pass vacuously. */
    static List<String> backbones() {
        List<String> found = new ArrayList<>();
        Networks.backboneNames().forEach(found::add);
        assertTrue(
                found.containsAll(List.of(
                        "compact", "resnet18", "resnet34", "efficientnet-b0", "efficientnet-b4", "mobilenetv2")),
                "backbone plugins found: " + found);
        return found;
    }

    @ParameterizedTest
    @MethodSource("backbones")
    void djlAndOnnxRuntimeAgreeBeforeAndAfterTraining(String backbone) throws Exception {
        int size = Networks.defaultSize(backbone);
        Network net = Networks.prodet(backbone, size);
        float[] image = randomImage(BATCH * 3 * size * size, 42);
        try (DjlReference djl = new DjlReference(net, 7)) {
            compare(backbone + " fresh", djl, net, image, size);
            djl.train(2, BATCH, size);
            compare(backbone + " trained", djl, net, image, size);
        }
    }

    /** The M-C and M-L ablation heads (one attribute head of 4 or 3 logits) lower to ONNX as well. */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void singleAttributeHeadsAgreeToo(int logits) throws Exception {
        dev.prodet.api.nn.NetworkBuilder b = new dev.prodet.api.nn.NetworkBuilder("compact+attr" + logits);
        String image = b.input("image", 3, 128, 128);
        dev.prodet.api.nn.ProDetHead.buildSingleAttributeHead(
                b,
                Networks.backbone("compact").build(b, image, 128),
                new dev.prodet.api.nn.ProDetHead.Config(64, 64, true, true),
                logits);
        Network net = b.build();
        float[] image32 = randomImage(BATCH * 3 * 128 * 128, 43);
        try (DjlReference djl = new DjlReference(net, 9)) {
            compare("attr" + logits + " fresh", djl, net, image32, 128);
        }
    }

    private static void compare(String what, DjlReference djl, Network net, float[] image, int size) throws Exception {
        Map<String, float[]> expected = djl.infer(image, new Shape(BATCH, 3, size, size));
        byte[] onnx = OnnxLowering.lower(net, djl.block.values(), "test", Map.of());
        try (OrtReference ort = new OrtReference(onnx)) {
            Map<String, float[]> actual = ort.infer(image, new long[] {BATCH, 3, size, size});
            assertEquals(expected.keySet(), actual.keySet(), what + ": outputs");
            for (String name : expected.keySet()) {
                float[] e = expected.get(name);
                float[] a = actual.get(name);
                assertEquals(e.length, a.length, what + ": size of " + name);
                double max = 0;
                for (int i = 0; i < e.length; i++) {
                    max = Math.max(max, Math.abs(e[i] - a[i]));
                }
                System.out.printf("%s: %s max |DJL - ORT| = %.3g over %d values%n", what, name, max, e.length);
                assertTrue(max <= TOLERANCE, what + ": " + name + " differs by " + max);
            }
        }
    }

    static float[] randomImage(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
