package dev.prodet.api.forgery;

import dev.prodet.api.face.RgbImage;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A generated training forgery: the forged image, the blend mask that produced it and where it came from.
 *
 * @param image the forged crop, same size as the target
 * @param mask per-pixel blend weight in [0, 1], row-major, length {@code width * height} of {@code image}; all
 *     zeros for an untouched real anchor
 * @param anchorKind which anchor this forgery stands for
 * @param generator name of the generator plugin that made it
 * @param donorId id (video or sample path) of the donor face; {@code null} when no donor was used. A
 *     {@link AnchorKind#CBI} always has a donor: a cross blend without one would silently be a self blend
 * @param background the image the forgery was blended into when the generator changed the target's crop for it
 *     (SBI's target-side source augmentation, method.md §4.1 step 3); {@code null} when the background is the
 *     target's crop as given. Pixels with mask 0 equal it. In a training tuple it becomes the REAL anchor and the
 *     target of the anchors made after this one, as in the official code (method.md §2.2, §4.2)
 * @since 1.1
 */
public record Forgery(
        RgbImage image, float[] mask, AnchorKind anchorKind, String generator, String donorId, RgbImage background) {

    /** A forgery blended into the target's crop as given (no {@link #background()} of its own). */
    public Forgery(RgbImage image, float[] mask, AnchorKind anchorKind, String generator, String donorId) {
        this(image, mask, anchorKind, generator, donorId, null);
    }

    /** Validates the fields and copies the mask. */
    public Forgery {
        if (image == null) {
            throw new IllegalArgumentException("Forgery.image must not be null");
        }
        if (mask == null) {
            throw new IllegalArgumentException("Forgery.mask must not be null");
        }
        if (mask.length != image.pixelCount()) {
            throw new IllegalArgumentException("Forgery.mask must hold width*height = " + image.width() + "*"
                    + image.height() + " = " + image.pixelCount() + " values, got: " + mask.length);
        }
        for (int i = 0; i < mask.length; i++) {
            if (!(mask[i] >= 0f && mask[i] <= 1f)) { // also rejects NaN
                throw new IllegalArgumentException("Forgery.mask[" + i + "] must be in [0, 1], got: " + mask[i]);
            }
        }
        if (anchorKind == null) {
            throw new IllegalArgumentException("Forgery.anchorKind must not be null");
        }
        if (generator == null || generator.isBlank()) {
            throw new IllegalArgumentException("Forgery.generator must not be empty, got: "
                    + (generator == null ? "null" : "'" + generator + "'"));
        }
        if (donorId != null && donorId.isBlank()) {
            throw new IllegalArgumentException("Forgery.donorId must be null or non-empty, got: '" + donorId + "'");
        }
        if (anchorKind == AnchorKind.CBI && donorId == null) {
            throw new IllegalArgumentException("Forgery.donorId must be set for a CBI forgery (generator '" + generator
                    + "'); a cross blend needs a donor");
        }
        if (background != null && (background.width() != image.width() || background.height() != image.height())) {
            throw new IllegalArgumentException("Forgery.background must have the image's size " + image.width() + "x"
                    + image.height() + ", got " + background.width() + "x" + background.height());
        }
        mask = mask.clone();
    }

    /**
     * The image this forgery was blended into: {@link #background()} when the generator changed it, else
     * {@code targetCrop}, the crop it was given.
     *
     * @since 1.1
     */
    public RgbImage backgroundOr(RgbImage targetCrop) {
        return background != null ? background : targetCrop;
    }

    /** A copy of the mask. */
    @Override
    public float[] mask() {
        return mask.clone();
    }

    /** A read-only view of the mask that copies nothing. */
    public FloatBuffer maskBuffer() {
        return FloatBuffer.wrap(mask).asReadOnlyBuffer();
    }

    // Records compare arrays by identity; compare the mask values instead.
    @Override
    public boolean equals(Object o) {
        return o instanceof Forgery f
                && image.equals(f.image)
                && Arrays.equals(mask, f.mask)
                && anchorKind == f.anchorKind
                && generator.equals(f.generator)
                && Objects.equals(donorId, f.donorId)
                && Objects.equals(background, f.background);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, Arrays.hashCode(mask), anchorKind, generator, donorId, background);
    }

    @Override
    public String toString() {
        return "Forgery[" + anchorKind + " by " + generator + (donorId == null ? "" : ", donor " + donorId) + ", "
                + image + (background == null ? "" : ", own background") + "]";
    }
}
