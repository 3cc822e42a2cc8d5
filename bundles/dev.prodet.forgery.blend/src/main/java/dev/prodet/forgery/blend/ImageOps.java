package dev.prodet.forgery.blend;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.internal.Border;
import dev.prodet.forgery.blend.internal.ConvexPolygons;
import dev.prodet.forgery.blend.internal.GaussianKernels;
import dev.prodet.forgery.blend.internal.Jpeg;
import dev.prodet.forgery.blend.internal.PixelOps;
import dev.prodet.forgery.blend.internal.Resize;
import dev.prodet.forgery.blend.internal.SeparableFilter;

/** Plain image operations for generators built on this library, with OpenCV's conventions. */
public final class ImageOps {

    private ImageOps() {}

    /** Bilinear resize ({@code cv2.resize}, {@code INTER_LINEAR}); rounds to the nearest level. */
    public static RgbImage resize(RgbImage image, int width, int height) {
        return new RgbImage(width, height, Resize.linearRgb(image.rgb(), image.width(), image.height(), width, height));
    }

    /** Bilinear resize of a float plane ({@code cv2.resize}, {@code INTER_LINEAR}). */
    public static float[] resize(float[] plane, int w, int h, int width, int height) {
        return Resize.linear(plane, w, h, width, height);
    }

    /**
     * {@code cv2.GaussianBlur(plane, (size, size), sigma)} with a reflect-101 border.
     *
     * @param size odd kernel size
     * @param sigma standard deviation, or &le; 0 for OpenCV's automatic value (fixed tables up to size 9)
     */
    public static float[] gaussianBlur(float[] plane, int w, int h, int size, double sigma) {
        float[] k = GaussianKernels.opencv(size, sigma);
        return SeparableFilter.apply(plane, w, h, k, k, Border.REFLECT_101);
    }

    /**
     * JPEG compression and decompression at a quality in 1..100 as the original training code does it
     * ({@code cv2.imencode('.jpg')} + imdecode of an RGB array, which OpenCV reads as BGR: luma with the red and blue
     * weights swapped).
     */
    public static RgbImage jpeg(RgbImage image, int quality) {
        return new RgbImage(
                image.width(), image.height(), Jpeg.roundTrip(image.rgb(), image.width(), image.height(), quality));
    }

    /**
     * JPEG compression and decompression at a quality in 1..100 of the colours as they are, as a codec handed a
     * correctly ordered image does it (the evaluation's JPEG perturbation).
     *
     * @since 1.2
     */
    public static RgbImage jpegTrueColour(RgbImage image, int quality) {
        return new RgbImage(
                image.width(),
                image.height(),
                Jpeg.roundTrip(image.rgb(), image.width(), image.height(), quality, true));
    }

    /**
     * Sharpens with the 3×3 kernel {@code (1 - alpha) * identity + alpha * [[-1,-1,-1],[-1,8+lightness,-1],
     * [-1,-1,-1]]} (albumentations' {@code Sharpen}, as SBI's source augmentation uses it).
     *
     * @since 1.1
     */
    public static RgbImage sharpen(RgbImage image, double alpha, double lightness) {
        return new RgbImage(
                image.width(),
                image.height(),
                PixelOps.sharpen(image.rgb(), image.width(), image.height(), alpha, lightness));
    }

    /**
     * Adds zero-mean Gaussian noise of standard deviation {@code sigma} (grey levels) to every channel, rounded and
     * clipped; the noise field is a function of {@code seed}, so two images get the same field from the same seed.
     *
     * @since 1.1
     */
    public static RgbImage gaussianNoise(RgbImage image, double sigma, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        byte[] px = image.rgb();
        for (int i = 0; i < px.length; i++) {
            long v = Math.round((px[i] & 0xff) + sigma * r.nextGaussian());
            px[i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
        return new RgbImage(image.width(), image.height(), px);
    }

    /**
     * Fills the convex hull of points into a plane ({@code cv2.fillConvexPoly(plane, cv2.convexHull(points))}).
     *
     * @param xy interleaved integer points {@code [x0, y0, x1, y1, ...]}
     */
    public static void fillConvexHull(float[] plane, int w, int h, int[] xy, float value) {
        if (plane.length != w * h) {
            throw new IllegalArgumentException("plane must hold w*h = " + w * h + " values, got: " + plane.length);
        }
        ConvexPolygons.fill(plane, w, h, ConvexPolygons.hull(xy), value);
    }

    /** The convex hull of interleaved integer points, counter-clockwise, collinear points dropped. */
    public static int[] convexHull(int[] xy) {
        return ConvexPolygons.hull(xy);
    }
}
