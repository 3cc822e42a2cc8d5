package dev.prodet.face.internal.cv;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import java.util.Arrays;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation; no reflection):
 * {@code x' = a·x − b·y + tx}, {@code y' = b·x + a·y + ty}, i.e. scale {@code √(a²+b²)} and angle
 * {@code atan2(b, a)}.
 *
 * @param a scale·cos(angle)
 * @param b scale·sin(angle)
 * @param tx x translation
 * @param ty y translation
 */
public record Similarity(double a, double b, double tx, double ty) {

    /** The identity. */
    public static final Similarity IDENTITY = new Similarity(1, 0, 0, 0);

    /**
     * The least-squares similarity that maps {@code src} onto {@code dst} (Umeyama 1991; skimage's
     * {@code SimilarityTransform.estimate}). In 2-D the optimum has a closed form: with both point sets centred,
     * {@code a = Σ(p·q)/Σ|p|²} and {@code b = Σ(p×q)/Σ|p|²}.
     *
     * @param src source points {@code [x0, y0, x1, y1, ...]}
     * @param dst target points, same count, at least 2 distinct source points
     */
    public static Similarity fit(double[] src, double[] dst) {
        double[] ones = new double[src.length / 2];
        Arrays.fill(ones, 1.0);
        return fit(src, dst, ones);
    }

    /**
     * The weighted least-squares similarity: minimises {@code Σ wᵢ·|T(pᵢ) − qᵢ|²}, the same closed form with
     * weighted centroids and sums.
     *
     * @param src source points {@code [x0, y0, x1, y1, ...]}
     * @param dst target points, same count
     * @param weights one weight &gt; 0 per point
     */
    public static Similarity fit(double[] src, double[] dst, double[] weights) {
        if (src.length != dst.length || src.length < 4 || src.length % 2 != 0) {
            throw new IllegalArgumentException("similarity fit needs two equally long lists of at least 2 (x, y) "
                    + "points, got " + src.length / 2.0 + " and " + dst.length / 2.0);
        }
        int n = src.length / 2;
        if (weights.length != n) {
            throw new IllegalArgumentException(
                    "similarity fit needs one weight per point: " + n + " points, " + weights.length + " weights");
        }
        double total = 0;
        double sx = 0;
        double sy = 0;
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (!(w > 0)) {
                throw new IllegalArgumentException("similarity fit weights must be > 0, got " + w + " at " + i);
            }
            total += w;
            sx += w * src[2 * i];
            sy += w * src[2 * i + 1];
            dx += w * dst[2 * i];
            dy += w * dst[2 * i + 1];
        }
        sx /= total;
        sy /= total;
        dx /= total;
        dy /= total;
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            double px = src[2 * i] - sx;
            double py = src[2 * i + 1] - sy;
            double qx = dst[2 * i] - dx;
            double qy = dst[2 * i + 1] - dy;
            dot += w * (px * qx + py * qy);
            cross += w * (px * qy - py * qx);
            norm += w * (px * px + py * py);
        }
        if (!(norm > 1e-12)) {
            throw new IllegalArgumentException("similarity fit: the source points all coincide");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new Similarity(a, b, dx - (a * sx - b * sy), dy - (b * sx + a * sy));
    }

    /** A rotation by {@code angle} radians and scaling by {@code scale} about the point (cx, cy). */
    public static Similarity about(double cx, double cy, double angle, double scale) {
        double a = scale * Math.cos(angle);
        double b = scale * Math.sin(angle);
        return new Similarity(a, b, cx - (a * cx - b * cy), cy - (b * cx + a * cy));
    }

    /** Uniform scale factor. */
    public double scale() {
        return Math.hypot(a, b);
    }

    /** Rotation angle in radians (counter-clockwise in x-right/y-up axes, clockwise on screen). */
    public double angle() {
        return Math.atan2(b, a);
    }

    /** The inverse transform. */
    public Similarity inverse() {
        double d = a * a + b * b;
        double ia = a / d;
        double ib = -b / d;
        return new Similarity(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** {@code this ∘ first}: first applies {@code first}, then this. */
    public Similarity after(Similarity first) {
        return new Similarity(
                a * first.a - b * first.b,
                b * first.a + a * first.b,
                a * first.tx - b * first.ty + tx,
                b * first.tx + a * first.ty + ty);
    }

    /** Transforms interleaved points {@code [x0, y0, ...]} into a new array. */
    public float[] apply(float[] xy) {
        float[] out = new float[xy.length];
        for (int i = 0; i + 1 < xy.length; i += 2) {
            out[i] = (float) (a * xy[i] - b * xy[i + 1] + tx);
            out[i + 1] = (float) (b * xy[i] + a * xy[i + 1] + ty);
        }
        return out;
    }

    /** The 2×3 {@code CV_64F} matrix for {@code cv::warpAffine}; the caller closes it. */
    public Mat toMat() {
        Mat m = new Mat(2, 3, CV_64F);
        try (DoubleIndexer ix = m.createIndexer()) {
            ix.put(0, 0, a, -b, tx);
            ix.put(1, 0, b, a, ty);
        }
        return m;
    }
}
