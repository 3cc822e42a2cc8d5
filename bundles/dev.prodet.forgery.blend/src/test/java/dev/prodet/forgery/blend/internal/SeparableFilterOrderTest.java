package dev.prodet.forgery.blend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The filter's result bit for bit, against a pixel-by-pixel evaluation in the documented order of operations
 * (rows: centre tap, then mirrored pairs four at a time, then single pairs; columns: the same two pairs at a time;
 * asymmetric kernels tap by tap). Generators' outputs depend on these bits, so a faster loop must keep them.
 */
class SeparableFilterOrderTest {

    @Test
    void sameBitsAsThePixelByPixelOrder() {
        SplittableRandom rng = new SplittableRandom(11);
        float[][] kernels = {
            GaussianKernels.scipy(7, 4), // 57 taps, the elastic field
            GaussianKernels.opencv(25, 0),
            GaussianKernels.opencv(9, 0),
            GaussianKernels.opencv(3, 0),
            {1f},
            {0.05f, 0.2f, 0.5f, 0.15f, 0.1f}, // asymmetric
        };
        int[][] sizes = {{64, 48}, {37, 5}, {1, 9}, {9, 1}, {130, 70}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            float[] src = new float[w * h];
            for (int i = 0; i < src.length; i++) {
                src[i] = (float) (rng.nextDouble() * 100 - 50);
            }
            for (float[] kx : kernels) {
                for (float[] ky : kernels) {
                    for (Border border : Border.values()) {
                        float[] got = SeparableFilter.apply(src, w, h, kx, ky, border);
                        float[] tmp = new float[w * h];
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; x++) {
                                int row = y;
                                tmp[y * w + x] = ordered(kx, 4, i -> src[row * w + border.index(i, w)], x);
                            }
                        }
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; x++) {
                                int col = x;
                                float want = ordered(ky, 2, i -> tmp[border.index(i, h) * w + col], y);
                                assertEquals(
                                        Float.floatToRawIntBits(want),
                                        Float.floatToRawIntBits(got[y * w + x]),
                                        w + "x" + h + " " + kx.length + "/" + ky.length + " " + border + " at " + x
                                                + "," + y);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Σ k[j]·at(p + j − r) in the filter's order; {@code groups} mirrored pairs per accumulation. */
    private static float ordered(float[] k, int groups, java.util.function.IntFunction<Float> at, int p) {
        int r = k.length / 2;
        boolean symmetric = true;
        for (int i = 0; i < r; i++) {
            symmetric &= k[i] == k[k.length - 1 - i];
        }
        if (!symmetric) {
            float acc = k[0] * at.apply(p - r);
            for (int j = 1; j < k.length; j++) {
                acc += k[j] * at.apply(p + j - r);
            }
            return acc;
        }
        float acc = k[r] * at.apply(p);
        int j = 0;
        for (; j + groups - 1 < r; j += groups) {
            float sum = 0;
            for (int g = 0; g < groups; g++) {
                float pair = k[j + g] * (at.apply(p + j + g - r) + at.apply(p + r - j - g));
                sum = g == 0 ? pair : sum + pair;
            }
            acc += sum;
        }
        for (; j < r; j++) {
            acc += k[j] * (at.apply(p + j - r) + at.apply(p + r - j));
        }
        return acc;
    }
}
