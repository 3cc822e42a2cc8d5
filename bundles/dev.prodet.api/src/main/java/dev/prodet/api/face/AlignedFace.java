package dev.prodet.api.face;

/**
 * A face crop aligned to the preprocessor's template (ProDet: 256×256, docs/method.md §5.1), with its landmarks in crop
 * coordinates.
 *
 * @param image the crop (RGB, HWC)
 * @param landmarks landmarks in crop pixel coordinates
 * @param sourceBox the detected box in the source frame; {@code null} when the crop was loaded already aligned and
 *     the original box is unknown
 * @param preprocessor the preprocessing that produced the crop
 */
public record AlignedFace(RgbImage image, Landmarks landmarks, FaceBox sourceBox, FacePreprocessorInfo preprocessor) {

    /** Validates the required fields. */
    public AlignedFace {
        if (image == null) {
            throw new IllegalArgumentException("AlignedFace.image must not be null");
        }
        if (landmarks == null) {
            throw new IllegalArgumentException("AlignedFace.landmarks must not be null");
        }
        if (preprocessor == null) {
            throw new IllegalArgumentException("AlignedFace.preprocessor must not be null");
        }
    }

    /** Crop width in pixels. */
    public int width() {
        return image.width();
    }

    /** Crop height in pixels. */
    public int height() {
        return image.height();
    }

    /** A copy of the crop's pixels (HWC, RGB). */
    public byte[] rgb() {
        return image.rgb();
    }
}
