package dev.prodet.forgery.blend;

import dev.prodet.forgery.blend.internal.Border;
import dev.prodet.forgery.blend.internal.GaussianKernels;
import dev.prodet.forgery.blend.internal.Resize;
import dev.prodet.forgery.blend.internal.SeparableFilter;
import java.util.random.RandomGenerator;

/**
 * SBI's {@code get_blend_mask} (docs/method.md §4.1 step 5): resize the mask to a random size in [192, 256]² (bilinear),
 * Gaussian blur with a random odd kernel k1 in [5, 25] and OpenCV's automatic sigma, divide by the maximum and zero
 * everything below 1 (this erodes the mask by about k1/2), blur again with a random kernel k2 in [5, 25] and a
 * random integer sigma in [5, 45], divide by the maximum and resize back.
 *
 * <p>The sizes are absolute, as in the original, which was tuned for 256×256 crops.
 */
public final class BlendMask {

    /** Values within this distance of the maximum count as the plateau (1) in the erosion step (docs/method.md §9.3). */
    public static final float PLATEAU_TOLERANCE = 1e-6f;

    private BlendMask() {}

    /**
     * Softens a mask. Random draws, in order: height, width, k1, k2, sigma2.
     *
     * @param mask row-major {@code w x h} mask with values in [0, 1]
     * @return a new mask with maximum 1, or all zeros when {@code mask} is empty (the original divides by zero)
     */
    public static float[] soften(float[] mask, int w, int h, RandomGenerator rng) {
        if (mask.length != w * h) {
            throw new IllegalArgumentException("mask must hold w*h = " + w * h + " values, got: " + mask.length);
        }
        int sh = rng.nextInt(192, 257);
        int sw = rng.nextInt(192, 257);
        int k1 = 5 + 2 * rng.nextInt(11);
        int k2 = 5 + 2 * rng.nextInt(11);
        int sigma2 = rng.nextInt(5, 46);
        return soften(mask, w, h, sw, sh, k1, k2, sigma2);
    }

    /** {@link #soften(float[], int, int, RandomGenerator)} with explicit parameters. */
    public static float[] soften(float[] mask, int w, int h, int sw, int sh, int k1, int k2, double sigma2) {
        float[] m = Resize.linear(mask, w, h, sw, sh);
        float[] g1 = GaussianKernels.opencv(k1, 0);
        m = SeparableFilter.apply(m, sw, sh, g1, g1, Border.REFLECT_101);
        float max = max(m);
        if (max <= 0) {
            return new float[w * h];
        }
        // keep only the plateau: a pixel whose whole k1 window was inside the mask
        for (int i = 0; i < m.length; i++) {
            m[i] = m[i] / max >= 1f - PLATEAU_TOLERANCE ? 1f : 0f;
        }
        float[] g2 = GaussianKernels.opencv(k2, sigma2);
        m = SeparableFilter.apply(m, sw, sh, g2, g2, Border.REFLECT_101);
        max = max(m);
        for (int i = 0; i < m.length; i++) {
            m[i] = m[i] / max;
        }
        return Resize.linear(m, sw, sh, w, h);
    }

    static float max(float[] a) {
        float max = 0f;
        for (float v : a) {
            max = Math.max(max, v);
        }
        return max;
    }
}
