package dev.prodet.train.djl.internal.config;

import dev.prodet.api.forgery.AnchorKind;
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

    /**
     * Run settings. {@code budgetMinutes}: stop at the first step boundary after this much training time (0 = run
     * all {@code steps}). {@code device}: auto (GPU whenever DJL sees one), cpu or gpu. {@code threads} 0 = all cores.
     */
    public record Run(
            String name,
            long seed,
            int steps,
            double budgetMinutes,
            int checkpointEvery,
            int logEvery,
            String device,
            int threads) {
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
        }
    }

    /** Backbone plugin name, square input size, and the ProDet head's widths. */
    public record Model(String backbone, int inputSize, int featureWidth, int hidden) {
        public Model {
            Require.text("model.backbone", backbone);
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
     * DEEPFAKE for BF-only), the generator plugin that makes each forged anchor, how tuples are augmented, and the
     * worker threads.
     */
    public record Data(
            String provider,
            String root,
            String split,
            int tuplesPerBatch,
            List<AnchorKind> anchors,
            Map<AnchorKind, String> generators,
            Augmentation augmentation,
            int workers,
            int prefetch) {
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
        }
    }

    /**
     * How each tuple is augmented, with one random draw for all its images. {@code joint}: ProDet's colour shift,
     * HSV, brightness/contrast and JPEG (method.md §3); off only for ablations. Not in the official recipe (0 turns
     * each off): the probabilities of a horizontal {@code flip}, of a resolution change ({@code rescale}, factor in
     * [{@code minScale}, 1]), of {@code sharpen}ing and of Gaussian {@code noise} (standard deviation up to
     * {@code maxNoise} grey levels).
     */
    public record Augmentation(
            boolean joint,
            double flip,
            double rescale,
            double minScale,
            double sharpen,
            double noise,
            double maxNoise) {
        public Augmentation {
            settings(joint, flip, rescale, minScale, sharpen, noise, maxNoise); // validates
        }

        /** The settings of the batch source. */
        public TupleAugmentation.Settings settings() {
            return settings(joint, flip, rescale, minScale, sharpen, noise, maxNoise);
        }

        private static TupleAugmentation.Settings settings(
                boolean j, double f, double r, double m, double sh, double n, double mn) {
            try {
                return new TupleAugmentation.Settings(j, f, r, m, sh, n, mn);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data.augmentation: " + e.getMessage(), e);
            }
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
