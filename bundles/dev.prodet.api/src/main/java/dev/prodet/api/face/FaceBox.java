package dev.prodet.api.face;

/**
 * An axis-aligned face box in pixel coordinates of the image it was detected in, with the detector's confidence.
 *
 * <p>The box may reach outside the image (detectors report partly visible faces), so {@code x} and {@code y} may be
 * negative; width and height must be positive.
 *
 * @param x left edge in pixels
 * @param y top edge in pixels
 * @param width width in pixels, &gt; 0
 * @param height height in pixels, &gt; 0
 * @param score detector confidence in [0, 1]
 */
public record FaceBox(float x, float y, float width, float height, float score) {

    /** Validates the box. */
    public FaceBox {
        requireFinite("x", x);
        requireFinite("y", y);
        if (!(width > 0) || !Float.isFinite(width)) {
            throw new IllegalArgumentException("FaceBox.width must be a finite number > 0, got: " + width);
        }
        if (!(height > 0) || !Float.isFinite(height)) {
            throw new IllegalArgumentException("FaceBox.height must be a finite number > 0, got: " + height);
        }
        // NaN fails both comparisons, so it is rejected here too
        if (!(score >= 0f && score <= 1f)) {
            throw new IllegalArgumentException("FaceBox.score must be in [0, 1], got: " + score);
        }
    }

    /** Right edge, {@code x + width}. */
    public float right() {
        return x + width;
    }

    /** Bottom edge, {@code y + height}. */
    public float bottom() {
        return y + height;
    }

    /** Area in square pixels; the largest box is the one DeepfakeBench keeps (docs/method.md §5.1). */
    public float area() {
        return width * height;
    }

    private static void requireFinite(String field, float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("FaceBox." + field + " must be finite, got: " + value);
        }
    }
}
