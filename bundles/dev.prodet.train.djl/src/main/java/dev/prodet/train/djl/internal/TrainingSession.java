package dev.prodet.train.djl.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.ParameterInit;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.train.api.HeadRunner;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.api.StepInputs;
import dev.prodet.train.api.StepLoss;
import dev.prodet.train.djl.internal.nn.GraphBlock;
import dev.prodet.train.djl.internal.nn.ReplicaState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The model being trained: backbone + the current strategy's head, lowered to DJL, and the optimizer. Each step is
 * reproducible from (seed, step): the engine's random seed and the strategy's random source are derived from them,
 * so a resumed run repeats an uninterrupted one. {@link #swap} rebuilds the network for another strategy, keeping
 * every parameter (and its optimizer moments) the new strategy does not own.
 */
final class TrainingSession implements AutoCloseable {
    private final NDManager manager;
    private final Backbone backbone;
    private final ModelShape shape;
    private final long seed;
    private final AdamOptimizer adam;
    private RegularizerStrategy strategy;
    private GraphBlock block;
    private ReplicaPool pool; // null: the plain step

    /** Sizes of the model: input size and head widths. */
    record ModelShape(int inputSize, int featureWidth, int hidden) {}

    /** Losses of one step. */
    record StepResult(long step, double loss, Map<String, Double> components) {}

    TrainingSession(
            ai.djl.Device device,
            Backbone backbone,
            ModelShape shape,
            RegularizerStrategy strategy,
            long seed,
            AdamOptimizer adam,
            Map<String, float[]> values) {
        this.manager = NDManager.newBaseManager(device);
        this.backbone = backbone;
        this.shape = shape;
        this.seed = seed;
        this.adam = adam;
        this.strategy = strategy;
        Network net = describe(strategy);
        Map<String, float[]> init = new LinkedHashMap<>(ParameterInit.values(net, seed));
        if (values != null) {
            values.forEach((k, v) -> {
                if (init.containsKey(k)) {
                    init.put(k, v);
                }
            });
        }
        this.block = lower(net, init);
    }

    Network describe(RegularizerStrategy s) {
        NetworkBuilder b = new NetworkBuilder(backbone.spec(shape.inputSize()).name() + "+" + s.name());
        String image = b.input("image", 3, shape.inputSize(), shape.inputSize());
        s.buildHead(b, backbone.build(b, image, shape.inputSize()), shape.featureWidth(), shape.hidden());
        return b.build();
    }

    private GraphBlock lower(Network net, Map<String, float[]> values) {
        GraphBlock g = new GraphBlock(net, values);
        g.initialize(manager);
        return g;
    }

    RegularizerStrategy strategy() {
        return strategy;
    }

    GraphBlock block() {
        return block;
    }

    NDManager manager() {
        return manager;
    }

    AdamOptimizer optimizer() {
        return adam;
    }

    /**
     * Splits every batch into {@code replicas} groups of tuples run as data-parallel replicas on up to {@code
     * threads} threads (see {@link ReplicaPool}); 1 replica is the plain step.
     */
    void replicas(int replicas, int threads) {
        if (pool != null) {
            pool.close();
        }
        pool = replicas == 1 ? null : new ReplicaPool(replicas, threads);
    }

    /** One optimizer step on {@code batch}. */
    StepResult step(Batch batch, long step) {
        java.util.Set<String> touched = java.util.concurrent.ConcurrentHashMap.newKeySet();
        StepResult result;
        if (pool == null) {
            Engine.getEngine("PyTorch").setRandomSeed((int) engineSeed(step));
            SplittableRandom rng = new SplittableRandom(strategySeed(step));
            try (NDManager sub = manager.newSubManager();
                    GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                StepLoss loss = loss(sub, batch, rng, step, touched, null);
                gc.backward(loss.total());
                result = new StepResult(step, loss.totalValue(), loss.componentValues());
            }
        } else {
            result = pool.step(this, batch, step, touched);
        }
        // grad mode is thread-local in PyTorch and on by default in a new thread; the in-place optimizer update
        // on leaf parameters needs it off (the collector only restores the previous mode)
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        adam.step(block, touched, manager);
        return result;
    }

    /**
     * The forward pass and the strategy's loss on {@code batch}, made in {@code sub}; every parameter read is
     * reported to {@code touched}. {@code replica}: the state of a data-parallel replica, or null.
     */
    StepLoss loss(
            NDManager sub,
            Batch batch,
            SplittableRandom rng,
            long step,
            java.util.Set<String> touched,
            ReplicaState replica) {
        NDArray x = sub.create(batch.images(), new Shape(batch.rows(), 3, batch.size(), batch.size()));
        NDArray labels = sub.create(batch.labelCodes());
        ParameterStore ps = new ParameterStore(sub, false);
        HeadRunner heads = (given, wanted) -> block.run(ps, given, wanted, true, touched::add, replica);
        NDArray f = heads.run(Map.of("image", x), java.util.List.of(RegularizerStrategy.FEATURE))
                .get(RegularizerStrategy.FEATURE);
        return strategy.computeLoss(
                new StepInputs(new NDList(f), labels, batch.layout(), batch.tuples(), heads, sub, rng, step));
    }

    /** Seed of libtorch's generator for {@code step} (a replica derives its own draws from it). */
    long engineSeed(long step) {
        return Seeds.mix(seed, step);
    }

    /** Seed of the strategy's random source for {@code step} (a replica derives its own from it). */
    long strategySeed(long step) {
        return Seeds.mix(seed ^ 0x5DEECE66DL, step);
    }

    /**
     * Switches to another strategy at a step boundary: parameters with the same name and shape that the new
     * strategy does not own keep their values and optimizer moments; its own parameters start fresh. A new service
     * of the same strategy (its bundle updated) keeps its own parameters too.
     */
    void swap(RegularizerStrategy next) {
        boolean sameStrategy = next.name().equals(strategy.name());
        Network net = describe(next);
        Map<String, float[]> old = block.values();
        Map<String, float[]> init = new LinkedHashMap<>(ParameterInit.values(net, seed));
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (ParameterSpec p : net.parameters()) {
            float[] v = old.get(p.name());
            if (v != null && v.length == p.size() && (sameStrategy || !next.owns(p.name()))) {
                init.put(p.name(), v);
                kept.add(p.name());
            }
        }
        adam.retain(kept);
        GraphBlock previous = block;
        block = lower(net, init);
        previous.close();
        strategy = next;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        manager.close();
    }
}
