package dev.prodet.train.djl.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Scorer;
import dev.prodet.api.model.ScorerFactory;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.train.djl.internal.nn.GraphBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Scores with a training checkpoint through the DJL lowering (inference mode), so evaluation can compare a
 * checkpoint with its exported package. Accepts a checkpoint folder or a run folder (its newest checkpoint).
 */
@Component(
        service = ScorerFactory.class,
        property = {
            "prodet.scorer.name=djl",
            "prodet.scorer.version=1.0.0",
            "prodet.scorer.description=training checkpoints (network.json + params.bin) run by DJL PyTorch",
            "service.ranking:Integer=0"
        })
public final class CheckpointScorerFactory implements ScorerFactory {
    /** The input of the final classifier after pooling: the feature the 2-D maps show. */
    static final String FEATURES = "head.cls.flat";

    @Override
    public boolean accepts(Path source) {
        return Files.isRegularFile(source.resolve(TrainingCheckpoint.PARAMS))
                || Files.isDirectory(source.resolve("checkpoints"));
    }

    @Override
    public Scorer open(Path source) throws IOException {
        TrainingCheckpoint ckpt = Files.isRegularFile(source.resolve(TrainingCheckpoint.PARAMS))
                ? new TrainingCheckpoint(source)
                : TrainingCheckpoint.latest(source.resolve("checkpoints"))
                        .orElseThrow(
                                () -> new IOException("no complete checkpoint under " + source.resolve("checkpoints")));
        Network net = ckpt.network();
        Map<String, float[]> params = ckpt.params();
        for (ParameterSpec p : net.parameters()) {
            if (!params.containsKey(p.name())) {
                throw new IOException(ckpt.dir().resolve(TrainingCheckpoint.PARAMS) + " lacks parameter " + p.name());
            }
        }
        return new CheckpointScorer(net, params, ckpt.state().requirePreprocessing());
    }

    /** One checkpoint lowered to DJL on the CPU. */
    static final class CheckpointScorer implements Scorer {
        private final NDManager manager;
        private final GraphBlock block;
        private final Preprocessing prep;
        private final String pFake;

        CheckpointScorer(Network net, Map<String, float[]> params, Preprocessing prep) {
            Thread t = Thread.currentThread();
            ClassLoader old = t.getContextClassLoader();
            t.setContextClassLoader(Engine.class.getClassLoader()); // DJL finds its engine through the TCCL
            try {
                this.manager = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch");
                this.block = new GraphBlock(net, params);
                block.initialize(manager);
            } finally {
                t.setContextClassLoader(old);
            }
            this.prep = prep;
            this.pFake = net.outputs().get("p_fake");
        }

        @Override
        public Preprocessing preprocessing() {
            return prep;
        }

        @Override
        public float[] score(float[] images, int count) {
            return run(images, count, pFake);
        }

        @Override
        public float[] features(float[] images, int count) {
            return run(images, count, FEATURES);
        }

        private float[] run(float[] images, int count, String tensor) {
            int s = prep.inputSize();
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = sub.create(images, new Shape(count, 3, s, s));
                return block.run(new ParameterStore(sub, false), Map.of("image", x), List.of(tensor), false)
                        .get(tensor)
                        .toFloatArray();
            }
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
