package dev.prodet.train.api;

import ai.djl.ndarray.NDArray;

/** Loss functions strategies share, as in ProDet's released code (method.md §2.4). */
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

    /** Mean squared error over all elements. */
    public static NDArray mse(NDArray prediction, NDArray target) {
        return prediction.sub(target).square().mean();
    }
}
