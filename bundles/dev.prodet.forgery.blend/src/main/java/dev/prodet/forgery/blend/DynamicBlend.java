package dev.prodet.forgery.blend;

import dev.prodet.api.face.RgbImage;
import java.util.random.RandomGenerator;

/**
 * SBI's {@code dynamic_blend} (docs/method.md §4.1 step 6): scale the soft mask by a ratio drawn uniformly from a list and
 * alpha-blend {@code uint8_trunc(m * source + (1 - m) * target)} in float32, in that order of operations, so a pixel
 * whose weight is exactly 0 keeps the target's value.
 */
public final class DynamicBlend {

    /** ProDet's soft ratios ({@code soft_bi: true}): a quarter, half, three quarters, or full blend (3 in 6). */
    private static final float[] SOFT = {0.25f, 0.5f, 0.75f, 1f, 1f, 1f};
    /** Hard blending ({@code soft_bi: false}). */
    private static final float[] HARD = {1f, 1f, 1f};

    private DynamicBlend() {}

    /** A copy of the soft ratio list {0.25, 0.5, 0.75, 1, 1, 1}. */
    public static float[] softRatios() {
        return SOFT.clone();
    }

    /** A copy of the hard ratio list {1, 1, 1}. */
    public static float[] hardRatios() {
        return HARD.clone();
    }

    /** One ratio drawn uniformly from {@code ratios}. */
    public static float drawRatio(float[] ratios, RandomGenerator rng) {
        if (ratios == null || ratios.length == 0) {
            throw new IllegalArgumentException("blend ratio list must not be empty");
        }
        return ratios[rng.nextInt(ratios.length)];
    }

    /** Blends two images with a per-pixel weight for {@code source}. */
    public static RgbImage blend(RgbImage source, RgbImage target, float[] weight) {
        if (source.width() != target.width() || source.height() != target.height()) {
            throw new IllegalArgumentException(
                    "blend needs equal sizes, got source " + source + " and target " + target);
        }
        return new RgbImage(target.width(), target.height(), blendRgb(source.rgb(), target.rgb(), weight));
    }

    /** Blends two RGB (HWC) pixel arrays with a per-pixel weight for {@code source}; returns a new array. */
    public static byte[] blendRgb(byte[] source, byte[] target, float[] weight) {
        if (source.length != target.length || weight.length * 3 != target.length) {
            throw new IllegalArgumentException("blend needs source, target (" + source.length + ", " + target.length
                    + " bytes) and a weight per pixel (" + weight.length + ")");
        }
        byte[] out = new byte[target.length];
        for (int p = 0, i = 0; p < weight.length; p++, i += 3) {
            float m = weight[p];
            if (m == 0f) {
                out[i] = target[i];
                out[i + 1] = target[i + 1];
                out[i + 2] = target[i + 2];
                continue;
            }
            float n = 1f - m;
            for (int c = 0; c < 3; c++) {
                out[i + c] = (byte) (int) (m * (source[i + c] & 0xff) + n * (target[i + c] & 0xff));
            }
        }
        return out;
    }
}
