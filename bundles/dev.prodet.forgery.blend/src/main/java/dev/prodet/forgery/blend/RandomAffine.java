package dev.prodet.forgery.blend;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.internal.AxisAlignedWarp;
import java.util.random.RandomGenerator;

/**
 * SBI's {@code randaffine} geometry (docs/method.md §4.1 step 4): albumentations {@code Affine} with a translation of
 * up to ±3% of the width and ±1.5% of the height and independent x/y scales in [0.95, 1/0.95], about the image
 * centre {@code (w/2 - 0.5, h/2 - 0.5)}, no rotation or shear. Images are sampled bilinearly, masks by nearest
 * neighbour; outside is 0.
 *
 * @param tx translation in pixels along x
 * @param ty translation in pixels along y
 * @param sx scale along x, &gt; 0
 * @param sy scale along y, &gt; 0
 */
public record RandomAffine(double tx, double ty, double sx, double sy) {

    /** Largest translation along x, as a fraction of the width. */
    public static final double MAX_SHIFT_X = 0.03;
    /** Largest translation along y, as a fraction of the height. */
    public static final double MAX_SHIFT_Y = 0.015;
    /** Smallest scale; the largest is its inverse. */
    public static final double MIN_SCALE = 0.95;

    /** Validates the parameters. */
    public RandomAffine {
        if (!Double.isFinite(tx) || !Double.isFinite(ty)) {
            throw new IllegalArgumentException(
                    "RandomAffine translation must be finite, got: (" + tx + ", " + ty + ")");
        }
        if (!(sx > 0) || !(sy > 0) || Double.isInfinite(sx) || Double.isInfinite(sy)) {
            throw new IllegalArgumentException(
                    "RandomAffine scales must be finite and > 0, got: (" + sx + ", " + sy + ")");
        }
    }

    /** Draws the parameters for a {@code width x height} image: translate x, translate y, scale x, scale y. */
    public static RandomAffine draw(int width, int height, RandomGenerator rng) {
        double tx = uniform(rng, -MAX_SHIFT_X, MAX_SHIFT_X) * width;
        double ty = uniform(rng, -MAX_SHIFT_Y, MAX_SHIFT_Y) * height;
        double sx = uniform(rng, MIN_SCALE, 1 / MIN_SCALE);
        double sy = uniform(rng, MIN_SCALE, 1 / MIN_SCALE);
        return new RandomAffine(tx, ty, sx, sy);
    }

    /** The warped image (bilinear, black outside). */
    public RgbImage warp(RgbImage image) {
        return new RgbImage(image.width(), image.height(), warpRgb(image.rgb(), image.width(), image.height()));
    }

    /** The warped RGB pixels (HWC) of a {@code w x h} image. */
    public byte[] warpRgb(byte[] rgb, int w, int h) {
        return AxisAlignedWarp.bilinearRgb(rgb, w, h, sx, offsetX(w), sy, offsetY(h));
    }

    /** The warped mask (nearest neighbour, 0 outside). */
    public float[] warpMask(float[] mask, int w, int h) {
        return AxisAlignedWarp.nearest(mask, w, h, sx, offsetX(w), sy, offsetY(h));
    }

    // the forward matrix's translation as albumentations composes it: (s * -c + t) + c
    private double offsetX(int w) {
        double cx = w / 2.0 - 0.5;
        return (sx * -cx + tx) + cx;
    }

    private double offsetY(int h) {
        double cy = h / 2.0 - 0.5;
        return (sy * -cy + ty) + cy;
    }

    /** Where a point moves under this transform: {@code s * (p - c) + c + t}. */
    public double[] apply(double x, double y, int w, int h) {
        double cx = w / 2.0 - 0.5;
        double cy = h / 2.0 - 0.5;
        return new double[] {sx * (x - cx) + cx + tx, sy * (y - cy) + cy + ty};
    }

    static double uniform(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
