package dev.prodet.forgery.blend;

import dev.prodet.forgery.blend.internal.PixelOps;

/**
 * The three albumentations colour operations that both SBI's source augmentation and the joint tuple augmentation
 * use, as value objects holding their drawn parameters (docs/method.md §4.4).
 */
public final class ColorJitter {

    private ColorJitter() {}

    /**
     * {@code RGBShift}: adds a per-channel shift, {@code v -> uint8(clip(v + s, 0, 255))}.
     *
     * @param r red shift
     * @param g green shift
     * @param b blue shift
     */
    public record RgbShift(double r, double g, double b) {
        /** Validates the shifts. */
        public RgbShift {
            requireFinite("RgbShift", r, g, b);
        }

        /** Applies the shift to RGB (HWC) pixels; returns a new array. */
        public byte[] apply(byte[] rgb) {
            return PixelOps.rgbShift(rgb, r, g, b);
        }
    }

    /**
     * {@code HueSaturationValue}: shifts OpenCV's 8-bit H, S and V through truncating tables. With albumentations'
     * fractional limits (±0.3) this is close to a no-op: a positive shift truncates back, a negative one subtracts 1,
     * and the RGB→HSV→RGB round trip perturbs some pixels by a level or two.
     *
     * @param hue hue shift (OpenCV hue units, 0..179)
     * @param sat saturation shift
     * @param val value shift
     */
    public record HsvShift(double hue, double sat, double val) {
        /** Validates the shifts. */
        public HsvShift {
            requireFinite("HsvShift", hue, sat, val);
        }

        /** Applies the shift to RGB (HWC) pixels; returns a new array. */
        public byte[] apply(byte[] rgb) {
            return PixelOps.hsvShift(rgb, hue, sat, val);
        }
    }

    /**
     * {@code RandomBrightnessContrast} with brightness by max: {@code v -> uint8(clip(alpha * v + 255 * beta))}.
     *
     * @param alpha contrast factor, {@code 1 + U(contrast limits)}
     * @param beta brightness offset as a fraction of 255
     */
    public record BrightnessContrast(double alpha, double beta) {
        /** Validates the parameters. */
        public BrightnessContrast {
            requireFinite("BrightnessContrast", alpha, beta);
        }

        /** Applies the change to RGB (HWC) pixels; returns a new array. */
        public byte[] apply(byte[] rgb) {
            return PixelOps.brightnessContrast(rgb, alpha, beta);
        }
    }

    private static void requireFinite(String what, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " parameters must be finite, got: " + v);
            }
        }
    }
}
