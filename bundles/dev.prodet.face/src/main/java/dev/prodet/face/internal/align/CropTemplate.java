package dev.prodet.face.internal.align;

import dev.prodet.api.face.Ibug68;

/**
 * The 256×256 crop template of DeepfakeBench/ProDet (docs/method.md §5.1): ArcFace's 112-px five-point template shifted
 * by +8 px in x, scaled to 256 and widened by the margin factor 1.3. Points in order: subject's right eye centre,
 * left eye centre, nose tip, right mouth corner, left mouth corner. The fit onto it is a weighted least-squares
 * similarity (see {@link #WEIGHTS}).
 */
public final class CropTemplate {

    /** Crop side in pixels. */
    public static final int SIZE = 256;

    /** Template points {@code [x0, y0, ..., x4, y4]} in crop pixels. */
    static final double[] POINTS = {
        96.870, 120.433,
        158.825, 120.090,
        128.044, 155.669,
        102.592, 191.939,
        153.899, 191.656
    };

    /**
     * Weight of each point in the least-squares fit: the rigid points (eye centres, nose tip) count four times as
     * much as the mouth corners, which move with expression. With equal weights a broad smile pulls the crop by
     * 5–6 px (eyes 6 px off the template on skimage's astronaut); with these the eyes stay within 3 px of the
     * template on the test portraits and the crop no longer follows the mouth from frame to frame.
     */
    static final double[] WEIGHTS = {4, 4, 4, 1, 1};

    private static final int NOSE_TIP = 30;
    private static final int RIGHT_MOUTH_CORNER = 48;
    private static final int LEFT_MOUTH_CORNER = 54;

    private CropTemplate() {}

    /** A copy of the template points. */
    public static double[] points() {
        return POINTS.clone();
    }

    /**
     * The five source points from iBUG-ordered landmarks {@code [x0, y0, ...]}: the means of the two eye contours,
     * the nose tip (30) and the mouth corners (48, 54).
     */
    static double[] fivePoints(float[] ibug) {
        double[] p = new double[10];
        mean(ibug, Ibug68.RIGHT_EYE, p, 0);
        mean(ibug, Ibug68.LEFT_EYE, p, 2);
        p[4] = ibug[2 * NOSE_TIP];
        p[5] = ibug[2 * NOSE_TIP + 1];
        p[6] = ibug[2 * RIGHT_MOUTH_CORNER];
        p[7] = ibug[2 * RIGHT_MOUTH_CORNER + 1];
        p[8] = ibug[2 * LEFT_MOUTH_CORNER];
        p[9] = ibug[2 * LEFT_MOUTH_CORNER + 1];
        return p;
    }

    private static void mean(float[] xy, Ibug68 region, double[] out, int at) {
        for (int i = region.from(); i < region.to(); i++) {
            out[at] += xy[2 * i];
            out[at + 1] += xy[2 * i + 1];
        }
        out[at] /= region.size();
        out[at + 1] /= region.size();
    }
}
