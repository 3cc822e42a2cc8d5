package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.Padding;
import dev.prodet.api.nn.ParameterInit;
import dev.prodet.train.djl.internal.nn.GraphBlock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The buffer-wide Adam against a per-parameter double-precision reference of {@code torch.optim.Adam}'s formula,
 * including parameters left out of some steps (their values, moments and step counts stay), and a resume from
 * {@link AdamOptimizer#state()} that repeats the uninterrupted updates bit for bit.
 */
class AdamOptimizerTest {
    private static final double LR = 1e-2;
    private static final double WD = 5e-4;

    private static Network tinyNetwork() {
        NetworkBuilder b = new NetworkBuilder("tiny");
        String x = b.input("image", 3, 6, 6);
        x = b.conv("conv", x, 5, 3, 1, Padding.symmetric(1), 1, true);
        x = b.batchNorm("bn", x, 1e-5, 0.1);
        x = b.silu("act", x);
        x = b.globalAvgPool("pool", x);
        x = b.flatten("flat", x);
        x = b.linear("fc", x, 2);
        b.output("out", x);
        return b.build();
    }

    /** Forward + backward of sum(out²) on a fixed input, leaving the gradients on the parameters. */
    private static void backward(GraphBlock block, NDManager manager, int seed) {
        try (NDManager sub = manager.newSubManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(seed);
            NDArray x = sub.randomNormal(new Shape(4, 3, 6, 6));
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray out = block.run(new ParameterStore(sub, false), Map.of("image", x), List.of("fc"), true)
                        .get("fc");
                gc.backward(out.square().sum());
            }
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }

    private static Map<String, float[]> gradients(GraphBlock block) {
        Map<String, float[]> out = new HashMap<>();
        for (String name : block.trainable().names()) {
            out.put(name, block.parameter(name).getArray().getGradient().toFloatArray());
        }
        return out;
    }

    @Test
    void matchesTorchAdamPerParameterAndSkipsUnusedOnes() {
        Network net = tinyNetwork();
        try (NDManager manager = NDManager.newBaseManager()) {
            GraphBlock block = new GraphBlock(net, ParameterInit.values(net, 7));
            block.initialize(manager);
            AdamOptimizer adam = new AdamOptimizer(LR, 0.9, 0.999, 1e-8, WD);
            Map<String, double[]> w = new HashMap<>();
            Map<String, double[]> m = new HashMap<>();
            Map<String, double[]> v = new HashMap<>();
            Map<String, Integer> t = new HashMap<>();
            for (String name : block.trainable().names()) {
                w.put(name, toDouble(block.parameter(name).getArray().toFloatArray()));
            }
            Set<String> all = new HashSet<>(block.trainable().names());
            // step 2 leaves out the conv bias and the BN shift: runs of different step counts follow
            List<Set<String>> used = List.of(all, minus(all, "conv.bias", "bn.beta"), all, all);
            for (int s = 0; s < used.size(); s++) {
                backward(block, manager, s);
                Map<String, float[]> g = gradients(block);
                for (String name : used.get(s)) {
                    int step = t.merge(name, 1, Integer::sum);
                    reference(
                            w.get(name),
                            g.get(name),
                            m.computeIfAbsent(name, k -> new double[g.get(k).length]),
                            v.computeIfAbsent(name, k -> new double[g.get(k).length]),
                            step);
                }
                for (String name : all) {
                    if (!used.get(s).contains(name)) {
                        block.parameter(name)
                                .getArray()
                                .getGradient()
                                .subi(block.parameter(name)
                                        .getArray()
                                        .getGradient()); // a step that did not use it would not have a gradient for it
                    }
                }
                adam.step(block, used.get(s), manager);
                for (String name : all) {
                    float[] actual = block.parameter(name).getArray().toFloatArray();
                    for (int i = 0; i < actual.length; i++) {
                        assertEquals(
                                w.get(name)[i],
                                actual[i],
                                1e-6 + 1e-6 * Math.abs(w.get(name)[i]),
                                name + "[" + i + "] after step " + s);
                    }
                    float[] grad =
                            block.parameter(name).getArray().getGradient().toFloatArray();
                    assertArrayEquals(new float[grad.length], grad, name + ": gradient zeroed");
                }
            }
            Map<String, float[]> state = adam.state();
            assertEquals(3, Float.floatToRawIntBits(state.get("t/conv.bias")[1]), "steps that used conv.bias");
            assertEquals(4, Float.floatToRawIntBits(state.get("t/conv.weight")[1]));
            block.close();
        }
    }

    @Test
    void resumingFromTheStateRepeatsTheUpdatesBitForBit() {
        Network net = tinyNetwork();
        try (NDManager manager = NDManager.newBaseManager()) {
            GraphBlock straight = new GraphBlock(net, ParameterInit.values(net, 3));
            straight.initialize(manager);
            AdamOptimizer a = new AdamOptimizer(LR, WD);
            Set<String> all = new HashSet<>(straight.trainable().names());
            Set<String> partial = minus(all, "fc.bias");
            backward(straight, manager, 0);
            a.step(straight, all, manager);
            backward(straight, manager, 1);
            a.step(straight, partial, manager);
            straight.parameter("fc.bias")
                    .getArray()
                    .getGradient()
                    .subi(straight.parameter("fc.bias").getArray().getGradient());
            Map<String, float[]> savedValues = straight.values();
            Map<String, float[]> savedState = a.state();
            for (int s = 2; s < 4; s++) {
                backward(straight, manager, s);
                a.step(straight, all, manager);
            }

            GraphBlock resumed = new GraphBlock(net, savedValues);
            resumed.initialize(manager);
            AdamOptimizer b = new AdamOptimizer(LR, WD);
            b.restore(savedState, resumed.parametersByName(), manager);
            for (int s = 2; s < 4; s++) {
                backward(resumed, manager, s);
                b.step(resumed, all, manager);
            }
            Map<String, float[]> expected = straight.values();
            Map<String, float[]> actual = resumed.values();
            for (String name : expected.keySet()) {
                assertArrayEquals(expected.get(name), actual.get(name), name);
            }
            Map<String, float[]> sa = a.state();
            Map<String, float[]> sb = b.state();
            assertEquals(sa.keySet(), sb.keySet());
            sa.forEach((k, x) -> assertArrayEquals(x, sb.get(k), k));
            assertTrue(sa.containsKey("m/fc.bias"));
            straight.close();
            resumed.close();
        }
    }

    /** torch.optim.Adam (foreach off, no amsgrad): coupled weight decay, ε added to √v / √bc₂. */
    private static void reference(double[] w, float[] g, double[] m, double[] v, int step) {
        double bc1 = 1 - Math.pow(0.9, step);
        double bc2 = 1 - Math.pow(0.999, step);
        for (int i = 0; i < w.length; i++) {
            double gi = g[i] + WD * w[i];
            m[i] = 0.9 * m[i] + 0.1 * gi;
            v[i] = 0.999 * v[i] + 0.001 * gi * gi;
            w[i] -= LR / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + 1e-8);
        }
    }

    private static Set<String> minus(Set<String> all, String... names) {
        Set<String> out = new HashSet<>(all);
        List.of(names).forEach(out::remove);
        return out;
    }

    private static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
