package dev.prodet.eval.internal.run;

import dev.prodet.eval.internal.perturb.Perturbation;

/**
 * AUC of one dataset under one perturbation at levels 0–4 (level 0 is the clean evaluation).
 *
 * @param perturbation the perturbation
 * @param frameAuc frame-level AUC per level
 * @param videoAuc video-level AUC per level
 */
public record RobustnessCurve(Perturbation perturbation, double[] frameAuc, double[] videoAuc) {}
