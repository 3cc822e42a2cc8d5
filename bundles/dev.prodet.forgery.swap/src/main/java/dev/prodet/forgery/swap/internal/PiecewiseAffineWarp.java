package dev.prodet.forgery.swap.internal;

/**
 * Warps an image so that its landmarks land on other landmarks: every triangle of a triangulation of the target
 * landmarks is filled by the affine map of the corresponding source triangle, sampled bilinearly (the
 * piecewise-affine warp of landmark-driven face swaps).
 */
final class PiecewiseAffineWarp {

    private PiecewiseAffineWarp() {}

    /**
     * The warped pixels and where they were defined.
     *
     * @param rgb the output image: warped source inside the triangles, {@code fill} elsewhere
     * @param coverage 1 where a triangle covered the pixel, else 0
     */
    record Result(byte[] rgb, float[] coverage) {}

    /**
     * @param src source RGB (HWC), {@code w x h}
     * @param srcXY source landmarks, interleaved
     * @param dstXY target landmarks, interleaved, same count
     * @param triangles index triples into the landmarks (a triangulation of {@code dstXY})
     * @param fill what uncovered pixels get, RGB of the same size
     */
    static Result warp(byte[] src, int w, int h, double[] srcXY, double[] dstXY, int[] triangles, byte[] fill) {
        byte[] out = fill.clone();
        float[] coverage = new float[w * h];
        for (int t = 0; t < triangles.length; t += 3) {
            int i = triangles[t];
            int j = triangles[t + 1];
            int k = triangles[t + 2];
            double x0 = dstXY[2 * i];
            double y0 = dstXY[2 * i + 1];
            double e1x = dstXY[2 * j] - x0;
            double e1y = dstXY[2 * j + 1] - y0;
            double e2x = dstXY[2 * k] - x0;
            double e2y = dstXY[2 * k + 1] - y0;
            double det = e1x * e2y - e1y * e2x;
            if (Math.abs(det) < 1e-9) {
                continue; // degenerate triangle covers no pixel
            }
            int xa = Math.max(0, (int) Math.floor(Math.min(x0, Math.min(x0 + e1x, x0 + e2x))));
            int xb = Math.min(w - 1, (int) Math.ceil(Math.max(x0, Math.max(x0 + e1x, x0 + e2x))));
            int ya = Math.max(0, (int) Math.floor(Math.min(y0, Math.min(y0 + e1y, y0 + e2y))));
            int yb = Math.min(h - 1, (int) Math.ceil(Math.max(y0, Math.max(y0 + e1y, y0 + e2y))));
            for (int y = ya; y <= yb; y++) {
                for (int x = xa; x <= xb; x++) {
                    double dx = x - x0;
                    double dy = y - y0;
                    double l1 = (dx * e2y - dy * e2x) / det;
                    double l2 = (e1x * dy - e1y * dx) / det;
                    double l0 = 1 - l1 - l2;
                    if (l0 < -1e-9 || l1 < -1e-9 || l2 < -1e-9) {
                        continue;
                    }
                    double sx = l0 * srcXY[2 * i] + l1 * srcXY[2 * j] + l2 * srcXY[2 * k];
                    double sy = l0 * srcXY[2 * i + 1] + l1 * srcXY[2 * j + 1] + l2 * srcXY[2 * k + 1];
                    sample(src, w, h, sx, sy, out, (y * w + x) * 3);
                    coverage[y * w + x] = 1f;
                }
            }
        }
        return new Result(out, coverage);
    }

    // bilinear, coordinates clamped to the image
    private static void sample(byte[] src, int w, int h, double x, double y, byte[] out, int o) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double fx = x - x0;
        double fy = y - y0;
        for (int c = 0; c < 3; c++) {
            double top = (src[(y0 * w + x0) * 3 + c] & 0xff) * (1 - fx) + (src[(y0 * w + x1) * 3 + c] & 0xff) * fx;
            double bot = (src[(y1 * w + x0) * 3 + c] & 0xff) * (1 - fx) + (src[(y1 * w + x1) * 3 + c] & 0xff) * fx;
            out[o + c] = (byte) (int) Math.round(top * (1 - fy) + bot * fy);
        }
    }
}
