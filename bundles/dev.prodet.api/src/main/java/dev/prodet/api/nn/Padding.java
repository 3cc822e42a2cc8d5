package dev.prodet.api.nn;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Explicit spatial padding in pixels. TensorFlow-style "same" padding is resolved when the network is described,
 * for a nominal image size, exactly as efficientnet-pytorch's {@code Conv2dStaticSamePadding} does: the pads stay
 * fixed whatever size is fed later.
 */
public record Padding(int top, int left, int bottom, int right) {
    public Padding {
        if (top < 0 || left < 0 || bottom < 0 || right < 0) {
            throw new IllegalArgumentException(
                    "Padding must be >= 0, got " + top + "," + left + "," + bottom + "," + right);
        }
    }

    /** No padding. */
    public static final Padding NONE = new Padding(0, 0, 0, 0);

    /** The same padding on every side. */
    public static Padding symmetric(int p) {
        return new Padding(p, p, p, p);
    }

    /**
     * "Same" padding for a convolution of kernel {@code k}, stride {@code s} and dilation {@code d} over a nominal
     * input of {@code size}×{@code size}: total = max((ceil(size/s) − 1)·s + (k − 1)·d + 1 − size, 0), split with the
     * extra pixel after (bottom/right).
     */
    public static Padding staticSame(int size, int k, int s, int d) {
        int out = (size + s - 1) / s;
        int total = Math.max((out - 1) * s + (k - 1) * d + 1 - size, 0);
        int before = total / 2;
        return new Padding(before, before, total - before, total - before);
    }

    /** Whether top = bottom and left = right. */
    @JsonIgnore
    public boolean isSymmetric() {
        return top == bottom && left == right;
    }
}
