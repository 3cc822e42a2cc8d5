package dev.prodet.train.djl.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.Padding;
import dev.prodet.train.api.RegularizerStrategy;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a {@link RegularizerStrategy} through the trainer's own code path (network description, DJL lowering,
 * gradient step, Adam) on a tiny backbone and synthetic batches, for the strategy contract. Public so that the
 * contract in {@code dev.prodet.train.djl.testing} can reach the trainer's package-private parts.
 */
public final class StrategyHarness implements AutoCloseable {
    /** Input size of the synthetic images; the tiny backbone gives an 8×8 feature map. */
    public static final int SIZE = 32;

    private static final TrainingSession.ModelShape SHAPE = new TrainingSession.ModelShape(SIZE, 16, 16);
    private final TrainingSession session;
    private final List<AnchorKind> layout;

    /** A fresh model for {@code strategy}, initialised from {@code seed}. */
    public StrategyHarness(RegularizerStrategy strategy, long seed) {
        this.session = new TrainingSession(
                ai.djl.Device.cpu(), new TinyBackbone(), SHAPE, strategy, seed, new AdamOptimizer(1e-3, 0), null);
        this.layout = strategy.anchors();
    }

    /** The network description the trainer builds for the strategy (tiny backbone + the strategy's head). */
    public Network network() {
        return session.block().network();
    }

    /** Current parameter values by name. */
    public Map<String, float[]> values() {
        return session.block().values();
    }

    /** One optimizer step on synthetic batch {@code step} of {@code tuples} tuples; returns total and parts. */
    public Map<String, Double> step(long step, int tuples) {
        TrainingSession.StepResult r = session.step(batch(step, tuples), step);
        Map<String, Double> out = new java.util.LinkedHashMap<>(r.components());
        out.put("total", r.loss());
        return out;
    }

    /** {@code p_fake} of the model in inference mode for synthetic images. */
    public float[] pFake(int rows) {
        NDManager m = session.manager();
        try (NDManager sub = m.newSubManager()) {
            Batch b = batch(0, Math.max(1, rows / layout.size()));
            NDArray x = sub.create(b.images(), new Shape(b.rows(), 3, SIZE, SIZE));
            String output = network().outputs().get("p_fake");
            return session.block()
                    .run(new ParameterStore(sub, false), Map.of("image", x), List.of(output), false)
                    .get(output)
                    .toFloatArray();
        }
    }

    private Batch batch(long step, int tuples) {
        SplittableRandom r = new SplittableRandom(31 * step + 7);
        float[] img = new float[layout.size() * tuples * 3 * SIZE * SIZE];
        int per = 3 * SIZE * SIZE;
        for (int i = 0; i < img.length; i++) {
            int block = i / per / tuples;
            img[i] = (float) (0.5 * r.nextGaussian() + 0.3 * block); // each anchor a little brighter: learnable
        }
        return new Batch(img, layout, tuples, SIZE);
    }

    @Override
    public void close() {
        session.close();
    }

    /** Conv 3×3/4, BN, ReLU: 8 channels at size/4. Enough to carry gradients; trains in milliseconds. */
    static final class TinyBackbone implements Backbone {
        @Override
        public BackboneSpec spec(int inputSize) {
            return new BackboneSpec("tiny", 8, inputSize / 4, inputSize, BackboneSpec.HALF, BackboneSpec.HALF);
        }

        @Override
        public String build(NetworkBuilder b, String input, int inputSize) {
            b.scope("backbone");
            String x = b.conv("stem", input, 8, 3, 4, Padding.symmetric(1), 1, false);
            x = b.batchNorm("stem_bn", x, 1e-5, 0.1);
            x = b.relu("stem_act", x);
            b.end();
            return x;
        }
    }
}
