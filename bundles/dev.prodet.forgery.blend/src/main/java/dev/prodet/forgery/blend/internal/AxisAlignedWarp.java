package dev.prodet.forgery.blend.internal;

/**
 * {@code cv2.warpAffine} for a forward map without rotation or shear, {@code (x, y) -> (sx * x + tx, sy * y + ty)},
 * with a constant 0 border. Follows OpenCV to the integer: the matrix is inverted as {@code invertAffineTransform}
 * does, source positions are computed in 10-bit fixed point, bilinear sampling uses 1/32-pixel steps with exact
 * weights and a rounding shift, nearest sampling rounds the position.
 */
public final class AxisAlignedWarp {

    private static final int AB_BITS = 10;
    private static final int AB_SCALE = 1 << AB_BITS;
    private static final int INTER_BITS = 5;
    private static final int TAB = 1 << INTER_BITS;

    private AxisAlignedWarp() {}

    /** Bilinear warp of an RGB image (HWC). */
    public static byte[] bilinearRgb(byte[] src, int w, int h, double sx, double tx, double sy, double ty) {
        if (src.length != w * h * 3) {
            throw new IllegalArgumentException("image must hold w*h*3 = " + w * h * 3 + " bytes, got: " + src.length);
        }
        double[] inv = inverse(sx, tx, sy, ty);
        int[] xq = columns(w, inv[0], inv[1], AB_SCALE / TAB / 2, AB_BITS - INTER_BITS);
        int[] yq = rows(h, inv[2], inv[3], AB_SCALE / TAB / 2, AB_BITS - INTER_BITS);
        byte[] dst = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            int sy0 = yq[y] >> INTER_BITS;
            int fy = yq[y] & (TAB - 1);
            if (sy0 + 1 < 0 || sy0 >= h) {
                continue; // whole row outside: border value 0
            }
            int o = y * w * 3;
            for (int x = 0; x < w; x++) {
                int sx0 = xq[x] >> INTER_BITS;
                if (sx0 + 1 < 0 || sx0 >= w) {
                    continue;
                }
                int fx = xq[x] & (TAB - 1);
                // OpenCV's 15-bit weights are exact multiples of 32 here, so (sum + 2^14) >> 15 == (sum' + 512) >> 10
                int w00 = (TAB - fx) * (TAB - fy);
                int w01 = fx * (TAB - fy);
                int w10 = (TAB - fx) * fy;
                int w11 = fx * fy;
                for (int c = 0; c < 3; c++) {
                    int v = w00 * px(src, w, h, sx0, sy0, c)
                            + w01 * px(src, w, h, sx0 + 1, sy0, c)
                            + w10 * px(src, w, h, sx0, sy0 + 1, c)
                            + w11 * px(src, w, h, sx0 + 1, sy0 + 1, c);
                    dst[o + x * 3 + c] = (byte) ((v + TAB * TAB / 2) >> (2 * INTER_BITS));
                }
            }
        }
        return dst;
    }

    /** Nearest-neighbour warp of a float plane (masks). */
    public static float[] nearest(float[] src, int w, int h, double sx, double tx, double sy, double ty) {
        if (src.length != w * h) {
            throw new IllegalArgumentException("plane must hold w*h = " + w * h + " values, got: " + src.length);
        }
        double[] inv = inverse(sx, tx, sy, ty);
        int[] xs = columns(w, inv[0], inv[1], AB_SCALE / 2, AB_BITS);
        int[] ys = rows(h, inv[2], inv[3], AB_SCALE / 2, AB_BITS);
        float[] dst = new float[w * h];
        for (int y = 0; y < h; y++) {
            int sy0 = ys[y];
            if (sy0 < 0 || sy0 >= h) {
                continue;
            }
            int srow = sy0 * w;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int sx0 = xs[x];
                if (sx0 >= 0 && sx0 < w) {
                    dst[o + x] = src[srow + sx0];
                }
            }
        }
        return dst;
    }

    // cv::invertAffineTransform of [[sx, 0, tx], [0, sy, ty]]: {a11, b1, a22, b2}
    private static double[] inverse(double sx, double tx, double sy, double ty) {
        double d = sx * sy;
        d = d != 0 ? 1.0 / d : 0;
        double a11 = sy * d;
        double a22 = sx * d;
        return new double[] {a11, -a11 * tx, a22, -a22 * ty};
    }

    // warpAffine's fixed point along x: X = (round(b * 1024) + delta + round(a * x * 1024)) >> shift
    private static int[] columns(int n, double a, double b, int delta, int shift) {
        long base = (long) Math.rint(b * AB_SCALE) + delta;
        int[] q = new int[n];
        for (int i = 0; i < n; i++) {
            q[i] = clampInt((base + (long) Math.rint(a * i * AB_SCALE)) >> shift);
        }
        return q;
    }

    // ... and along y: Y = (round((a * y + b) * 1024) + delta) >> shift
    private static int[] rows(int n, double a, double b, int delta, int shift) {
        int[] q = new int[n];
        for (int i = 0; i < n; i++) {
            q[i] = clampInt(((long) Math.rint((a * i + b) * AB_SCALE) + delta) >> shift);
        }
        return q;
    }

    private static int clampInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, v));
    }

    private static int px(byte[] src, int w, int h, int x, int y, int c) {
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return 0;
        }
        return src[(y * w + x) * 3 + c] & 0xff;
    }
}
