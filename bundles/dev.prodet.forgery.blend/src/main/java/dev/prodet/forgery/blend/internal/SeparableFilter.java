package dev.prodet.forgery.blend.internal;

/**
 * Separable 2-D correlation of a single-channel float image. Both passes run the same loop: an output line is a
 * weighted sum of whole input lines, with the taps outside and the pixels inside, so that the JIT vectorises it.
 * Every input line is its own array: HotSpot (17) does not vectorise a loop that reads one array at several
 * run-time offsets, which made the former single-array column pass 4–6× slower. The row pass therefore runs on
 * the transposed image. Symmetric kernels (every Gaussian) pair mirrored taps and handle several pairs per pass,
 * which keeps the accumulator traffic low; the grouping (4 pairs along rows, 2 along columns) fixes the order of
 * the float additions, and so the exact result.
 */
public final class SeparableFilter {
    private static final int TILE = 32;

    private SeparableFilter() {}

    /**
     * Filters {@code src} (row-major, {@code w * h}) with {@code kx} along rows and {@code ky} along columns.
     *
     * @return a new array; every pixel goes through the same operations, so a constant plateau stays exactly
     *     constant
     */
    public static float[] apply(float[] src, int w, int h, float[] kx, float[] ky, Border border) {
        checkKernel(kx, "kx");
        checkKernel(ky, "ky");
        if (src.length != w * h) {
            throw new IllegalArgumentException("plane must hold w*h = " + w * h + " values, got: " + src.length);
        }
        float[][] columns = new float[w][h];
        for (int y0 = 0; y0 < h; y0 += TILE) { // in tiles: both sides of the transpose stay in cache
            for (int x0 = 0; x0 < w; x0 += TILE) {
                for (int y = y0; y < Math.min(y0 + TILE, h); y++) {
                    for (int x = x0; x < Math.min(x0 + TILE, w); x++) {
                        columns[x][y] = src[y * w + x];
                    }
                }
            }
        }
        float[][] filteredColumns = pass(columns, h, kx, 4, border); // along rows: line x of the transpose
        float[][] rows = new float[h][w];
        for (int x0 = 0; x0 < w; x0 += TILE) {
            for (int y0 = 0; y0 < h; y0 += TILE) {
                for (int x = x0; x < Math.min(x0 + TILE, w); x++) {
                    float[] c = filteredColumns[x];
                    for (int y = y0; y < Math.min(y0 + TILE, h); y++) {
                        rows[y][x] = c[y];
                    }
                }
            }
        }
        float[][] out = pass(rows, w, ky, 2, border);
        float[] dst = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(out[y], 0, dst, y * w, w);
        }
        return dst;
    }

    /**
     * Output line i = Σ_j k[j] · line(i + j − r), lines beyond the edge taken from {@code border}.
     *
     * @param groups mirrored tap pairs summed before each accumulation (symmetric kernels only)
     */
    private static float[][] pass(float[][] lines, int length, float[] k, int groups, Border border) {
        int n = lines.length;
        int r = k.length / 2;
        boolean symmetric = symmetric(k);
        float[][] out = new float[n][length];
        float[][] taps = new float[k.length][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k.length; j++) {
                taps[j] = lines[border.index(i + j - r, n)];
            }
            if (symmetric) {
                accumulateSymmetric(taps, k, groups, out[i]);
            } else {
                accumulateGeneral(taps, k, out[i]);
            }
        }
        return out;
    }

    private static void accumulateSymmetric(float[][] t, float[] k, int groups, float[] acc) {
        int r = k.length / 2;
        int o = 2 * r;
        float cm = k[r];
        float[] m = t[r];
        for (int x = 0; x < acc.length; x++) {
            acc[x] = cm * m[x];
        }
        int j = 0;
        if (groups == 4) {
            for (; j + 3 < r; j += 4) {
                float c0 = k[j];
                float c1 = k[j + 1];
                float c2 = k[j + 2];
                float c3 = k[j + 3];
                float[] a0 = t[j];
                float[] b0 = t[o - j];
                float[] a1 = t[j + 1];
                float[] b1 = t[o - j - 1];
                float[] a2 = t[j + 2];
                float[] b2 = t[o - j - 2];
                float[] a3 = t[j + 3];
                float[] b3 = t[o - j - 3];
                for (int x = 0; x < acc.length; x++) {
                    acc[x] += c0 * (a0[x] + b0[x]) + c1 * (a1[x] + b1[x]) + c2 * (a2[x] + b2[x]) + c3 * (a3[x] + b3[x]);
                }
            }
        } else {
            for (; j + 1 < r; j += 2) {
                float c0 = k[j];
                float c1 = k[j + 1];
                float[] a0 = t[j];
                float[] b0 = t[o - j];
                float[] a1 = t[j + 1];
                float[] b1 = t[o - j - 1];
                for (int x = 0; x < acc.length; x++) {
                    acc[x] += c0 * (a0[x] + b0[x]) + c1 * (a1[x] + b1[x]);
                }
            }
        }
        for (; j < r; j++) {
            float c0 = k[j];
            float[] a0 = t[j];
            float[] b0 = t[o - j];
            for (int x = 0; x < acc.length; x++) {
                acc[x] += c0 * (a0[x] + b0[x]);
            }
        }
    }

    private static void accumulateGeneral(float[][] t, float[] k, float[] acc) {
        float c = k[0];
        float[] a = t[0];
        for (int x = 0; x < acc.length; x++) {
            acc[x] = c * a[x];
        }
        for (int j = 1; j < k.length; j++) {
            float cj = k[j];
            float[] aj = t[j];
            for (int x = 0; x < acc.length; x++) {
                acc[x] += cj * aj[x];
            }
        }
    }

    private static void checkKernel(float[] k, String name) {
        if (k == null || k.length % 2 == 0) {
            throw new IllegalArgumentException(
                    "kernel " + name + " must have odd length, got: " + (k == null ? "null" : k.length));
        }
    }

    private static boolean symmetric(float[] k) {
        for (int i = 0, j = k.length - 1; i < j; i++, j--) {
            if (k[i] != k[j]) {
                return false;
            }
        }
        return true;
    }
}
