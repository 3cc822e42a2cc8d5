/**
 * Unseen-perturbation robustness (docs/method.md §5.2): block-wise masking, Gaussian noise, shifting, JPEG compression,
 * blur and down-scaling, each at levels 0 (clean) to 4, applied to the aligned RGB crop before the model's
 * preprocessing. Deterministic for a given seed, so every model sees the same perturbed images.
 */
package dev.prodet.eval.internal.perturb;
