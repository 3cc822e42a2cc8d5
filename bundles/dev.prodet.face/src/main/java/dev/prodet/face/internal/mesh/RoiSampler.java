package dev.prodet.face.internal.mesh;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.prodet.face.internal.cv.Mats;
import dev.prodet.face.internal.cv.Similarity;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Samples a square of the image into a small model input. Bilinear warping alone aliases when it shrinks by more
 * than 2× (a 600-px face into 192 px), so such squares are first cut out and area-averaged down to about the
 * input's scale, and only the small remainder is warped.
 */
final class RoiSampler {

    private RoiSampler() {}

    /** The {@code n×n} input showing what {@code toInput} maps there; the caller closes the Mat. */
    static Mat sample(Mat image, Similarity toInput, int n) {
        double s = toInput.scale();
        if (s >= 0.5) {
            return Mats.warp(image, toInput, n, n);
        }
        float[] corners = toInput.inverse().apply(new float[] {0, 0, n, 0, 0, n, n, n});
        int x0 = clamp(
                Math.floor(Math.min(Math.min(corners[0], corners[2]), Math.min(corners[4], corners[6]))) - 1,
                image.cols());
        int y0 = clamp(
                Math.floor(Math.min(Math.min(corners[1], corners[3]), Math.min(corners[5], corners[7]))) - 1,
                image.rows());
        int x1 = clamp(
                Math.ceil(Math.max(Math.max(corners[0], corners[2]), Math.max(corners[4], corners[6]))) + 1,
                image.cols());
        int y1 = clamp(
                Math.ceil(Math.max(Math.max(corners[1], corners[3]), Math.max(corners[5], corners[7]))) + 1,
                image.rows());
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            return Mats.warp(image, toInput, n, n); // the square lies outside the image: all black anyway
        }
        try (Rect rect = new Rect(x0, y0, x1 - x0, y1 - y0);
                Mat part = new Mat(image, rect);
                Mat small = new Mat();
                Size auto = new Size()) {
            resize(part, small, auto, s, s, INTER_AREA); // with fx = fy = s OpenCV maps exactly by s
            // pixel centres: small q = (p − origin + 0.5)·s − 0.5, so p = (q + 0.5)/s − 0.5 + origin
            Similarity smallToImage = new Similarity(1 / s, 0, 0.5 / s - 0.5 + x0, 0.5 / s - 0.5 + y0);
            return Mats.warp(small, toInput.after(smallToImage), n, n);
        }
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }
}
