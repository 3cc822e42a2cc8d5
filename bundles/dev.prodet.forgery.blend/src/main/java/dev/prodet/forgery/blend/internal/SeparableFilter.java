package dev.prodet.forgery.blend.internal;

/**
 * Separable 2-D correlation of a single-channel float image. The loops run over whole rows with the taps outside,
 * so that the JIT vectorises them; symmetric kernels (every Gaussian) pair mirrored taps and handle several pairs
 * per pass, which keeps the accumulator traffic low.
 */
public final class SeparableFilter {

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
        float[] tmp = new float[w * h];
        int rx = kx.length / 2;
        float[] pad = new float[w + 2 * rx];
        float[] acc = new float[w];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            System.arraycopy(src, row, pad, rx, w);
            for (int i = 0; i < rx; i++) {
                pad[i] = src[row + border.index(i - rx, w)];
                pad[rx + w + i] = src[row + border.index(w + i, w)];
            }
            if (symmetric(kx)) {
                rowSymmetric(pad, kx, acc, w);
            } else {
                rowGeneral(pad, kx, acc, w);
            }
            System.arraycopy(acc, 0, tmp, row, w);
        }
        float[] dst = new float[w * h];
        int ry = ky.length / 2;
        int[] rows = new int[ky.length];
        boolean symY = symmetric(ky);
        for (int y = 0; y < h; y++) {
            for (int j = 0; j < ky.length; j++) {
                rows[j] = border.index(y + j - ry, h) * w;
            }
            int o = y * w;
            if (symY) {
                columnSymmetric(tmp, ky, rows, dst, o, w);
            } else {
                float c = ky[0];
                int a = rows[0];
                for (int x = 0; x < w; x++) {
                    dst[o + x] = c * tmp[a + x];
                }
                for (int j = 1; j < ky.length; j++) {
                    float cj = ky[j];
                    int aj = rows[j];
                    for (int x = 0; x < w; x++) {
                        dst[o + x] += cj * tmp[aj + x];
                    }
                }
            }
        }
        return dst;
    }

    private static void rowSymmetric(float[] pad, float[] k, float[] acc, int w) {
        int r = k.length / 2;
        int o = 2 * r;
        float cm = k[r];
        for (int x = 0; x < w; x++) {
            acc[x] = cm * pad[x + r];
        }
        int j = 0;
        for (; j + 3 < r; j += 4) {
            float c0 = k[j];
            float c1 = k[j + 1];
            float c2 = k[j + 2];
            float c3 = k[j + 3];
            for (int x = 0; x < w; x++) {
                acc[x] += c0 * (pad[x + j] + pad[x + o - j])
                        + c1 * (pad[x + j + 1] + pad[x + o - j - 1])
                        + c2 * (pad[x + j + 2] + pad[x + o - j - 2])
                        + c3 * (pad[x + j + 3] + pad[x + o - j - 3]);
            }
        }
        for (; j < r; j++) {
            float c0 = k[j];
            for (int x = 0; x < w; x++) {
                acc[x] += c0 * (pad[x + j] + pad[x + o - j]);
            }
        }
    }

    private static void rowGeneral(float[] pad, float[] k, float[] acc, int w) {
        float c = k[0];
        for (int x = 0; x < w; x++) {
            acc[x] = c * pad[x];
        }
        for (int j = 1; j < k.length; j++) {
            float cj = k[j];
            for (int x = 0; x < w; x++) {
                acc[x] += cj * pad[x + j];
            }
        }
    }

    private static void columnSymmetric(float[] tmp, float[] k, int[] rows, float[] dst, int o, int w) {
        int r = k.length / 2;
        float cm = k[r];
        int m = rows[r];
        for (int x = 0; x < w; x++) {
            dst[o + x] = cm * tmp[m + x];
        }
        int j = 0;
        for (; j + 1 < r; j += 2) {
            float c0 = k[j];
            float c1 = k[j + 1];
            int a0 = rows[j];
            int b0 = rows[2 * r - j];
            int a1 = rows[j + 1];
            int b1 = rows[2 * r - j - 1];
            for (int x = 0; x < w; x++) {
                dst[o + x] += c0 * (tmp[a0 + x] + tmp[b0 + x]) + c1 * (tmp[a1 + x] + tmp[b1 + x]);
            }
        }
        for (; j < r; j++) {
            float c0 = k[j];
            int a0 = rows[j];
            int b0 = rows[2 * r - j];
            for (int x = 0; x < w; x++) {
                dst[o + x] += c0 * (tmp[a0 + x] + tmp[b0 + x]);
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
