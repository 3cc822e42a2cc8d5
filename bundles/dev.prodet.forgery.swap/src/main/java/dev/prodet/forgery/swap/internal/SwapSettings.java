package dev.prodet.forgery.swap.internal;

/**
 * Settings of the face-swap stand-in (see {@link SwapGenerator.Config} for their meaning).
 *
 * @param topN nearest faces searched for a donor of another identity, &gt; 0
 * @param minScale smallest resampling factor, in (0, 1]
 * @param maxScale largest resampling factor, in [minScale, 1]
 * @param jpegQuality JPEG quality 1..100, or 0 for none
 * @param feather feather width as a fraction of the face size, in (0, 1]
 * @param colorCorrect match the donor's colour statistics to the target's
 */
public record SwapSettings(
        int topN, double minScale, double maxScale, int jpegQuality, double feather, boolean colorCorrect) {

    /** The defaults: 5 candidates, resampling at 1/4 to 1/2 resolution, no JPEG, feather 0.1, colour correction. */
    public static final SwapSettings DEFAULTS = new SwapSettings(5, 0.25, 0.5, 0, 0.1, true);

    /** Validates the settings. */
    public SwapSettings {
        if (topN <= 0) {
            throw new IllegalArgumentException("swap topN must be > 0, got: " + topN);
        }
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException(
                    "swap scales must satisfy 0 < minScale <= maxScale <= 1, got: " + minScale + ", " + maxScale);
        }
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException("swap jpegQuality must be 0 (off) or 1..100, got: " + jpegQuality);
        }
        if (!(feather > 0 && feather <= 1)) {
            throw new IllegalArgumentException("swap feather must be in (0, 1], got: " + feather);
        }
    }
}
