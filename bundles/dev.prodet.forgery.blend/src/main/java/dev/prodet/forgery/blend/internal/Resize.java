package dev.prodet.forgery.blend.internal;

/**
 * Image resizing with OpenCV's {@code cv2.resize} rules: bilinear ({@code INTER_LINEAR}) with half-pixel centres,
 * nearest ({@code INTER_NEAREST}) with {@code floor(x * src / dst)}.
 *
 * <p>As in OpenCV, columns past the edge are clamped (weight 0 on the missing neighbour), while rows past the edge
 * keep their fractional weights and read the clipped row twice. The 8-bit path reproduces OpenCV's fixed-point
 * arithmetic (11-bit weights, vectorised vertical pass), so results match it to the level.
 */
public final class Resize {

    private static final int COEF = 2048; // OpenCV INTER_RESIZE_COEF_SCALE

    private Resize() {}

    /** Bilinear resize of a single-channel float plane. */
    public static float[] linear(float[] src, int sw, int sh, int dw, int dh) {
        if (checkIsIdentity(src.length, sw, sh, 1, dw, dh)) {
            return src.clone();
        }
        Axis ax = Axis.of(sw, dw, true);
        Axis ay = Axis.of(sh, dh, false);
        float[] dst = new float[dw * dh];
        float[] r0 = new float[dw];
        float[] r1 = new float[dw];
        int cached0 = -1;
        int cached1 = -1;
        for (int y = 0; y < dh; y++) {
            int sy0 = ay.index0[y];
            int sy1 = ay.index1[y];
            if (sy0 != cached0) {
                if (sy0 == cached1) {
                    float[] t = r0;
                    r0 = r1;
                    r1 = t;
                } else {
                    horizontal(src, sy0 * sw, ax, r0);
                }
                cached0 = sy0;
                cached1 = -1;
            }
            if (sy1 != cached1) {
                horizontal(src, sy1 * sw, ax, r1);
                cached1 = sy1;
            }
            float b1 = ay.frac[y];
            float b0 = 1f - b1;
            int o = y * dw;
            for (int x = 0; x < dw; x++) {
                dst[o + x] = r0[x] * b0 + r1[x] * b1;
            }
        }
        return dst;
    }

    private static void horizontal(float[] src, int row, Axis ax, float[] out) {
        for (int x = 0; x < out.length; x++) {
            float a1 = ax.frac[x];
            out[x] = src[row + ax.index0[x]] * (1f - a1) + src[row + ax.index1[x]] * a1;
        }
    }

    /** Bilinear resize of an 8-bit RGB image (HWC), in OpenCV's fixed point. */
    public static byte[] linearRgb(byte[] src, int sw, int sh, int dw, int dh) {
        if (checkIsIdentity(src.length, sw, sh, 3, dw, dh)) {
            return src.clone();
        }
        Axis ax = Axis.of(sw, dw, true);
        Axis ay = Axis.of(sh, dh, false);
        int[] xa0 = new int[dw];
        int[] xa1 = new int[dw];
        for (int x = 0; x < dw; x++) {
            xa0[x] = (int) Math.rint((1f - ax.frac[x]) * COEF);
            xa1[x] = (int) Math.rint(ax.frac[x] * COEF);
        }
        // horizontally resampled rows, scaled by 2048, for every source row
        int[] rows = new int[sh * dw * 3];
        for (int sy = 0; sy < sh; sy++) {
            int s = sy * sw * 3;
            int o = sy * dw * 3;
            for (int x = 0; x < dw; x++) {
                int i0 = s + ax.index0[x] * 3;
                int i1 = s + ax.index1[x] * 3;
                for (int c = 0; c < 3; c++) {
                    rows[o + x * 3 + c] = (src[i0 + c] & 0xff) * xa0[x] + (src[i1 + c] & 0xff) * xa1[x];
                }
            }
        }
        byte[] dst = new byte[dw * dh * 3];
        int n = dw * 3;
        for (int y = 0; y < dh; y++) {
            int b0 = (int) Math.rint((1f - ay.frac[y]) * COEF);
            int b1 = (int) Math.rint(ay.frac[y] * COEF);
            int r0 = ay.index0[y] * n;
            int r1 = ay.index1[y] * n;
            int o = y * n;
            for (int i = 0; i < n; i++) {
                // OpenCV's VResizeLinearVec_32s8u: 16-bit high multiplies, then a rounding shift
                int v = ((((rows[r0 + i] >> 4) * b0) >> 16) + (((rows[r1 + i] >> 4) * b1) >> 16) + 2) >> 2;
                dst[o + i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
            }
        }
        return dst;
    }

    /** Nearest-neighbour resize of an 8-bit RGB image (HWC). */
    public static byte[] nearestRgb(byte[] src, int sw, int sh, int dw, int dh) {
        checkIsIdentity(src.length, sw, sh, 3, dw, dh);
        byte[] dst = new byte[dw * dh * 3];
        double fx = (double) sw / dw;
        double fy = (double) sh / dh;
        int[] xs = new int[dw];
        for (int x = 0; x < dw; x++) {
            xs[x] = Math.min((int) Math.floor(x * fx), sw - 1) * 3;
        }
        for (int y = 0; y < dh; y++) {
            int sy = Math.min((int) Math.floor(y * fy), sh - 1);
            int s = sy * sw * 3;
            int o = y * dw * 3;
            for (int x = 0; x < dw; x++) {
                System.arraycopy(src, s + xs[x], dst, o + x * 3, 3);
            }
        }
        return dst;
    }

    /** Checks the arguments; true when the target size is the source size. */
    private static boolean checkIsIdentity(int length, int sw, int sh, int channels, int dw, int dh) {
        if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0) {
            throw new IllegalArgumentException(
                    "resize sizes must be > 0, got source " + sw + "x" + sh + " and target " + dw + "x" + dh);
        }
        if (length != sw * sh * channels) {
            throw new IllegalArgumentException("image must hold " + sw + "*" + sh + "*" + channels + " = "
                    + sw * sh * channels + " values, got: " + length);
        }
        return sw == dw && sh == dh;
    }

    /** The two source indices and the fraction of the second, per destination coordinate. */
    private record Axis(int[] index0, int[] index1, float[] frac) {
        static Axis of(int src, int dst, boolean clampFraction) {
            int[] i0 = new int[dst];
            int[] i1 = new int[dst];
            float[] frac = new float[dst];
            double scale = (double) src / dst;
            for (int d = 0; d < dst; d++) {
                float f = (float) ((d + 0.5) * scale - 0.5);
                int s = (int) Math.floor(f);
                f -= s;
                if (clampFraction && s < 0) {
                    f = 0;
                    s = 0;
                }
                if (clampFraction && s >= src - 1) {
                    f = 0;
                    s = src - 1;
                }
                i0[d] = Math.min(Math.max(s, 0), src - 1);
                i1[d] = Math.min(Math.max(s + 1, 0), src - 1);
                frac[d] = f;
            }
            return new Axis(i0, i1, frac);
        }
    }
}
