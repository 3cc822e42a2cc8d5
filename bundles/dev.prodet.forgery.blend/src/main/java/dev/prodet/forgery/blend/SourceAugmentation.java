package dev.prodet.forgery.blend;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.internal.PixelOps;
import java.util.random.RandomGenerator;

/**
 * SBI's {@code SourceAug} (docs/method.md §4.1 step 3): RGBShift(±20, p=0.3) → HueSaturationValue(±0.3, p=1) →
 * RandomBrightnessContrast(±0.1, ±0.1, p=1) → one of {RandomDownScale (ratio 2 or 4: nearest down, bilinear up),
 * Sharpen(alpha in [0.2, 0.5], lightness in [0.5, 1])} with equal odds.
 */
public final class SourceAugmentation {

    private SourceAugmentation() {}

    /** Augments an image. */
    public static RgbImage apply(RgbImage image, RandomGenerator rng) {
        return new RgbImage(image.width(), image.height(), applyRgb(image.rgb(), image.width(), image.height(), rng));
    }

    /**
     * Augments RGB (HWC) pixels of a {@code w x h} image; returns a new array. Random draws, in order: the RGBShift
     * coin and its three shifts, hue/saturation/value shifts, contrast then brightness, the one-of choice, then
     * the downscale ratio or the sharpen alpha and lightness.
     */
    public static byte[] applyRgb(byte[] rgb, int w, int h, RandomGenerator rng) {
        byte[] out = rgb;
        if (rng.nextDouble() < 0.3) {
            out = new ColorJitter.RgbShift(u(rng, -20, 20), u(rng, -20, 20), u(rng, -20, 20)).apply(out);
        }
        out = new ColorJitter.HsvShift(u(rng, -0.3, 0.3), u(rng, -0.3, 0.3), u(rng, -0.3, 0.3)).apply(out);
        double alpha = 1 + u(rng, -0.1, 0.1);
        double beta = u(rng, -0.1, 0.1);
        out = new ColorJitter.BrightnessContrast(alpha, beta).apply(out);
        if (rng.nextInt(2) == 0) {
            int ratio = rng.nextBoolean() ? 2 : 4;
            return PixelOps.downUpScale(out, w, h, ratio);
        }
        double a = u(rng, 0.2, 0.5);
        double lightness = u(rng, 0.5, 1.0);
        return PixelOps.sharpen(out, w, h, a, lightness);
    }

    static double u(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
