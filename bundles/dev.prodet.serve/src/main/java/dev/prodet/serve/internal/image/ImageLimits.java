package dev.prodet.serve.internal.image;

/**
 * How large an image may be, checked on the header before decoding.
 *
 * @param maxSide pixels per side at most
 * @param maxPixels width × height at most (the decoder needs about 6 bytes per pixel)
 */
public record ImageLimits(int maxSide, long maxPixels) {

    /** Validates the limits. */
    public ImageLimits {
        if (maxSide < 1 || maxPixels < 1) {
            throw new IllegalArgumentException(
                    "image limits must be >= 1, got side " + maxSide + ", pixels " + maxPixels);
        }
    }
}
