package dev.prodet.forgery.blend;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.internal.Jpeg;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * ProDet's {@code three_images_transform} (docs/method.md §3): one random draw of RGBShift(±20, p=0.3),
 * HueSaturationValue(±0.3, p=0.3), RandomBrightnessContrast(±0.3, ±0.3, p=0.3) and ImageCompression (JPEG quality
 * 40..100, p=0.5), applied with <em>identical</em> parameters to every image of a training tuple (real, SBI, CBI,
 * deepfake), so that the anchors differ only by their forgery.
 *
 * @param rgbShift the drawn RGB shift, {@code null} when the coin skipped it
 * @param hsvShift the drawn HSV shift, or {@code null}
 * @param brightnessContrast the drawn brightness/contrast change, or {@code null}
 * @param jpegQuality JPEG quality 1..100, or 0 for no compression
 */
public record JointAugmentation(
        ColorJitter.RgbShift rgbShift,
        ColorJitter.HsvShift hsvShift,
        ColorJitter.BrightnessContrast brightnessContrast,
        int jpegQuality) {

    /** Validates the JPEG quality. */
    public JointAugmentation {
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException(
                    "JointAugmentation.jpegQuality must be 0 (off) or 1..100, got: " + jpegQuality);
        }
    }

    /** The augmentation that changes nothing. */
    public static JointAugmentation identity() {
        return new JointAugmentation(null, null, null, 0);
    }

    /**
     * Draws one augmentation. Order: the RGBShift coin and shifts (r, g, b), the HSV coin and shifts (h, s, v), the
     * brightness/contrast coin, contrast then brightness, the JPEG coin and quality.
     */
    public static JointAugmentation draw(RandomGenerator rng) {
        ColorJitter.RgbShift shift = null;
        if (rng.nextDouble() < 0.3) {
            shift = new ColorJitter.RgbShift(u(rng, -20, 20), u(rng, -20, 20), u(rng, -20, 20));
        }
        ColorJitter.HsvShift hsv = null;
        if (rng.nextDouble() < 0.3) {
            hsv = new ColorJitter.HsvShift(u(rng, -0.3, 0.3), u(rng, -0.3, 0.3), u(rng, -0.3, 0.3));
        }
        ColorJitter.BrightnessContrast bc = null;
        if (rng.nextDouble() < 0.3) {
            double alpha = 1 + u(rng, -0.3, 0.3);
            bc = new ColorJitter.BrightnessContrast(alpha, u(rng, -0.3, 0.3));
        }
        int quality = rng.nextDouble() < 0.5 ? rng.nextInt(40, 101) : 0;
        return new JointAugmentation(shift, hsv, bc, quality);
    }

    /** Applies this augmentation to one image. */
    public RgbImage apply(RgbImage image) {
        byte[] rgb = image.rgb();
        if (rgbShift != null) {
            rgb = rgbShift.apply(rgb);
        }
        if (hsvShift != null) {
            rgb = hsvShift.apply(rgb);
        }
        if (brightnessContrast != null) {
            rgb = brightnessContrast.apply(rgb);
        }
        if (jpegQuality > 0) {
            rgb = Jpeg.roundTrip(rgb, image.width(), image.height(), jpegQuality);
        }
        return new RgbImage(image.width(), image.height(), rgb);
    }

    /** Draws once and applies the same augmentation to every image of a tuple, in order. */
    public static List<RgbImage> applyJointly(List<RgbImage> tuple, RandomGenerator rng) {
        JointAugmentation aug = draw(rng);
        List<RgbImage> out = new ArrayList<>(tuple.size());
        for (RgbImage image : tuple) {
            out.add(aug.apply(image));
        }
        return out;
    }

    private static double u(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
