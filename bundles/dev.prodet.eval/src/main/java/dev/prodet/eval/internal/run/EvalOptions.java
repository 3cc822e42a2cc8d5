package dev.prodet.eval.internal.run;

import dev.prodet.api.data.Split;
import dev.prodet.eval.internal.metrics.Bootstrap;

/**
 * How to evaluate.
 *
 * @param split the split scored in every dataset
 * @param robustness also score every perturbation at levels 1–4
 * @param batch images per scorer call
 * @param seed seed of the bootstrap, the perturbations and the feature-map sampling
 * @param bootstrap bootstrap resamples for the AUC intervals
 * @param mapFaces real faces drawn for the feature map (0: no map)
 * @param threshold fakeness threshold for accuracy; NaN takes the model package's threshold (0.5 for checkpoints)
 */
public record EvalOptions(
        Split split, boolean robustness, int batch, long seed, int bootstrap, int mapFaces, double threshold) {

    /** Validates the numbers. */
    public EvalOptions {
        if (split == null) {
            throw new IllegalArgumentException("split must be given");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (mapFaces < 0) {
            throw new IllegalArgumentException("map faces must be >= 0, got " + mapFaces);
        }
        if (!Double.isNaN(threshold) && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
    }

    /** Test split, no robustness, batch 32, seed 0, 1000 resamples, 200 map faces, the model's threshold. */
    public static EvalOptions defaults() {
        return new EvalOptions(Split.TEST, false, 32, 0, Bootstrap.DEFAULT_RESAMPLES, 200, Double.NaN);
    }
}
