package dev.prodet.train.djl.internal.config;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.train.djl.internal.data.RealFaces;
import dev.prodet.train.djl.internal.data.TupleAugmentation;
import java.util.List;
import java.util.Map;

/**
 * One experiment (a {@code configs/experiments/*.yaml} file). Every key is required unless it has a default below;
 * unknown keys are errors. Paths are relative to the ProDet home (the repository root), never absolute.
 *
 * @param run name, seed, length, checkpointing, device and threads
 * @param model backbone and head sizes
 * @param regularizer the strategy to start with
 * @param data where the faces come from and how batches are made
 * @param optimizer Adam settings
 */
public record ExperimentConfig(Run run, Model model, Regularizer regularizer, Data data, Optimizer optimizer) {
    public ExperimentConfig {
        if (run != null && data != null && data.tuplesPerBatch() % run.replicaCount() != 0) {
            throw new IllegalArgumentException("data.tuplesPerBatch (" + data.tuplesPerBatch()
                    + ") must be a multiple of run.replicas (" + run.replicaCount() + ")");
        }
    }

    /**
     * Run settings. {@code budgetMinutes}: stop at the first step boundary after this much training time (0 = run
     * all {@code steps}). {@code device}: auto (GPU whenever DJL sees one), cpu or gpu. {@code threads}: threads of
     * the model step, 0 = half the cores (the rest make the data). {@code replicas} (default 1): split each batch's
     * tuples into this many data-parallel replicas, each with its own batch-norm statistics, run concurrently with
     * {@code threads / replicas} intra-op threads each (see {@code ReplicaPool}).
     */
    public record Run(
            String name,
            long seed,
            int steps,
            double budgetMinutes,
            int checkpointEvery,
            int logEvery,
            String device,
            int threads,
            @OptionalKey Integer replicas) {
        public Run {
            Require.segment("run.name", name);
            Require.positive("run.steps", steps);
            if (!(budgetMinutes >= 0)) {
                throw new IllegalArgumentException("run.budgetMinutes must be >= 0, got " + budgetMinutes);
            }
            Require.positive("run.checkpointEvery", checkpointEvery);
            Require.positive("run.logEvery", logEvery);
            Require.oneOf("run.device", device, "auto", "cpu", "gpu");
            Require.atLeast("run.threads", threads, 0);
            if (replicas != null) {
                Require.positive("run.replicas", replicas);
            }
        }

        /** {@code replicas}, 1 when not set. */
        public int replicaCount() {
            return replicas == null ? 1 : replicas;
        }
    }

    /**
     * Backbone plugin name, square input size, the ProDet head's widths, and optionally {@code pretrained}: a
     * safetensors file (relative to the ProDet home) whose published weights a fresh run starts the backbone from
     * (see {@link dev.prodet.api.nn.PretrainedWeights}); a resumed run keeps its checkpoint's values.
     */
    public record Model(String backbone, int inputSize, int featureWidth, int hidden, @OptionalKey String pretrained) {
        public Model {
            Require.text("model.backbone", backbone);
            if (pretrained != null) {
                Require.relativePath("model.pretrained", pretrained);
            }
            Require.positive("model.inputSize", inputSize);
            Require.positive("model.featureWidth", featureWidth);
            Require.positive("model.hidden", hidden);
        }
    }

    /** The regularizer strategy plugin to start with (it can be swapped while running). */
    public record Regularizer(String name) {
        public Regularizer {
            Require.text("regularizer.name", name);
        }
    }

    /**
     * Data: the dataset plugin ({@code prodet.dataset.name}, e.g. {@code prepared}) and the dataset folder it opens,
     * the split to train on (its real frames only), tuples per batch, the anchors of each tuple (REAL first; without
     * DEEPFAKE for BF-only), the generator plugin that makes each forged anchor, how tuples are augmented
     * ({@link TupleAugmentation.Settings}: ProDet's joint augmentation, and options not in the official recipe), the
     * worker threads, and how a tuple's real frame is drawn ({@code sampling}: {@code frame}, the default and the
     * official code, or {@code video}, see {@link dev.prodet.train.djl.internal.data.RealFaces.Sampling}).
     */
    public record Data(
            String provider,
            String root,
            String split,
            int tuplesPerBatch,
            List<AnchorKind> anchors,
            Map<AnchorKind, String> generators,
            TupleAugmentation.Settings augmentation,
            int workers,
            int prefetch,
            @OptionalKey String sampling) {
        public Data {
            Require.text("data.provider", provider);
            Require.relativePath("data.root", root);
            Require.text("data.split", split);
            Require.positive("data.tuplesPerBatch", tuplesPerBatch);
            anchors = List.copyOf(anchors);
            if (anchors.isEmpty() || anchors.get(0) != AnchorKind.REAL) {
                throw new IllegalArgumentException("data.anchors must start with REAL, got " + anchors);
            }
            generators = Map.copyOf(generators);
            for (AnchorKind a : anchors) {
                if (a != AnchorKind.REAL && !generators.containsKey(a)) {
                    throw new IllegalArgumentException("data.generators names no generator for anchor " + a);
                }
            }
            if (anchors.size() != java.util.Set.copyOf(anchors).size()) {
                throw new IllegalArgumentException("data.anchors names an anchor twice: " + anchors);
            }
            Require.positive("data.workers", workers);
            Require.positive("data.prefetch", prefetch);
            RealFaces.Sampling.parse(sampling); // fails on an unknown value here, not at the first batch
        }

        /** How a tuple's real frame is drawn. */
        public RealFaces.Sampling realSampling() {
            return RealFaces.Sampling.parse(sampling);
        }
    }

    /** Adam: learning rate and (coupled, PyTorch-style) weight decay. */
    public record Optimizer(double lr, double weightDecay) {
        public Optimizer {
            if (!(lr > 0) || !(weightDecay >= 0)) {
                throw new IllegalArgumentException(
                        "optimizer.lr must be > 0 and optimizer.weightDecay >= 0, got " + lr + ", " + weightDecay);
            }
        }
    }
}
