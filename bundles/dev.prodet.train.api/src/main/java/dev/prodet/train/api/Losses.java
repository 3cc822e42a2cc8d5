package dev.prodet.train.api;

import ai.djl.ndarray.NDArray;

/** Loss functions strategies share, as in ProDet's released code (docs/method.md §2.4). */
public final class Losses {
    private Losses() {}

    /**
     * Soft cross-entropy of 2-class logits {@code [B, 2]} against soft targets {@code c ∈ [0,1]} of shape {@code [B]}:
     * mean over the batch of −((1−c)·log softmax(o)₀ + c·log softmax(o)₁).
     */
    public static NDArray softCrossEntropy(NDArray logits, NDArray target) {
        NDArray logp = logits.logSoftmax(1);
        NDArray c = target.reshape(-1, 1);
        NDArray weights = c.onesLike().sub(c).concat(c, 1); // no Number operands: see OpKernels.dropConnect
        return logp.mul(weights).sum(new int[] {1}).neg().mean();
    }

    /**
     * Soft cross-entropy of K-class logits {@code [B, K]} against soft target distributions {@code [B, K]} (rows
     * sum to 1): mean over the batch of −Σₖ tₖ·log softmax(o)ₖ. The multi-class (M-C) attribute loss.
     */
    public static NDArray softCrossEntropyK(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
    }

    /**
     * Binary cross-entropy with logits against soft targets of the same shape, averaged over every element:
     * −(y·log σ(z) + (1 − y)·log σ(−z)), with log σ(z) = −softplus(−z) for stability. The multi-label (M-L) loss.
     */
    public static NDArray binaryCrossEntropyWithLogits(NDArray logits, NDArray targets) {
        NDArray logP = ai.djl.nn.Activation.softPlus(logits.neg()).neg();
        NDArray logNotP = ai.djl.nn.Activation.softPlus(logits).neg();
        return targets.mul(logP)
                .add(targets.onesLike().sub(targets).mul(logNotP))
                .mean()
                .neg();
    }

    /** Mean squared error over all elements. */
    public static NDArray mse(NDArray prediction, NDArray target) {
        return prediction.sub(target).square().mean();
    }
}
