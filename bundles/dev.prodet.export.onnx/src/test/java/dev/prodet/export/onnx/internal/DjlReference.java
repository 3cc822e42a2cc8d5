package dev.prodet.export.onnx.internal;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.ParameterInit;
import dev.prodet.train.djl.internal.nn.GraphBlock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a network description with the DJL lowering: inference outputs, and a few training steps. */
final class DjlReference implements AutoCloseable {
    private final NDManager manager = NDManager.newBaseManager();
    private final Model model;
    final GraphBlock block;

    DjlReference(Network network, long seed) {
        this(network, ParameterInit.values(network, seed), seed);
    }

    /** With given parameter values (pretrained weights). */
    DjlReference(Network network, Map<String, float[]> values, long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        block = new GraphBlock(network, values);
        model = Model.newInstance(network.name(), "PyTorch");
        model.setBlock(block);
        block.initialize(manager);
    }

    /** Inference outputs by output name. */
    Map<String, float[]> infer(float[] image, Shape shape) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(image, shape);
            NDList out = block.forward(new ParameterStore(sub, false), new NDList(x), false);
            Map<String, float[]> r = new LinkedHashMap<>();
            int i = 0;
            for (String name : block.network().outputs().keySet()) {
                r.put(name, out.get(i++).toFloatArray());
            }
            return r;
        }
    }

    /** Adam steps on random images and labels: moves weights and batch-norm statistics away from their init. */
    void train(int steps, int batch, int size) {
        DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(1e-3f))
                        .build());
        try (Trainer trainer = model.newTrainer(cfg)) {
            for (int s = 0; s < steps; s++) {
                try (NDManager sub = manager.newSubManager()) {
                    NDArray x = sub.randomUniform(-1, 1, new Shape(batch, 3, size, size));
                    NDArray y = sub.randomInteger(0, 2, new Shape(batch), ai.djl.ndarray.types.DataType.INT64);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDList pred = trainer.forward(new NDList(x));
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(pred.get(1)));
                        gc.backward(loss);
                    }
                    trainer.step();
                }
            }
        }
    }

    @Override
    public void close() {
        model.close();
        manager.close();
    }
}
