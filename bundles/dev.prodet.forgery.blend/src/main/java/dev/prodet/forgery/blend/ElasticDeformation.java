package dev.prodet.forgery.blend;

import dev.prodet.forgery.blend.internal.Border;
import dev.prodet.forgery.blend.internal.GaussianKernels;
import dev.prodet.forgery.blend.internal.NearestRemap;
import dev.prodet.forgery.blend.internal.SeparableFilter;
import java.util.random.RandomGenerator;

/**
 * albumentations {@code ElasticTransform(alpha=50, sigma=7, alpha_affine=0)} applied to a mask (docs/method.md §4.1
 * step 4): two fields of uniform noise in [-1, 1), each smoothed by SciPy's Gaussian filter (sigma 7, truncate 4,
 * mirrored border) and scaled by alpha, displace every pixel; the mask is resampled by nearest neighbour with a
 * reflect-101 border.
 *
 * <p>Unlike the original we do not warp (and throw away) the image as well, and the noise is not limited to
 * albumentations' 10,001 seeds (docs/method.md §9.6).
 */
public final class ElasticDeformation {

    /** SBI's displacement scale. */
    public static final double ALPHA = 50;
    /** SBI's smoothing sigma, in pixels. */
    public static final double SIGMA = 7;

    private ElasticDeformation() {}

    /** Deforms a {@code w x h} mask with SBI's parameters. */
    public static float[] deform(float[] mask, int w, int h, RandomGenerator rng) {
        return deform(mask, w, h, ALPHA, SIGMA, rng);
    }

    /** Deforms a {@code w x h} mask; the x noise field is drawn first, then the y field, both row-major. */
    public static float[] deform(float[] mask, int w, int h, double alpha, double sigma, RandomGenerator rng) {
        if (mask.length != w * h) {
            throw new IllegalArgumentException("mask must hold w*h = " + w * h + " values, got: " + mask.length);
        }
        if (!Double.isFinite(alpha) || alpha < 0) {
            throw new IllegalArgumentException("elastic alpha must be finite and >= 0, got: " + alpha);
        }
        float[][] field = displacement(w, h, alpha, sigma, rng);
        return NearestRemap.apply(mask, w, h, field[0], field[1]);
    }

    /** The two displacement fields {dx, dy}, in pixels. */
    public static float[][] displacement(int w, int h, double alpha, double sigma, RandomGenerator rng) {
        float[] k = GaussianKernels.scipy(sigma, 4.0);
        // alpha folded into the row kernel: one pass fewer than filtering, then scaling
        float[] ka = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            ka[i] = (float) (k[i] * alpha);
        }
        float[] dx = noise(w * h, rng);
        float[] dy = noise(w * h, rng);
        return new float[][] {
            SeparableFilter.apply(dx, w, h, ka, k, Border.REFLECT),
            SeparableFilter.apply(dy, w, h, ka, k, Border.REFLECT)
        };
    }

    private static float[] noise(int n, RandomGenerator rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextFloat() * 2f - 1f;
        }
        return a;
    }
}
