package dev.prodet.forgery.blend.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Values produced by OpenCV 4.6.0 (the version DeepfakeBench pins) for small inputs, pinned so that the pure-Java
 * operations stay bit-compatible. Each expected array was printed by {@code cv2} on the input built the same way
 * in Python (given in each test's comment).
 */
class OpenCvReferenceTest {

    @Test
    void fixedGaussianKernelsUpToNineAndFormulaFromEleven() {
        // cv2.getGaussianKernel(k, 0)
        assertArrayEquals(
                new float[] {
                    0.015625f,
                    0.05078125f,
                    0.1171875f,
                    0.19921875f,
                    0.234375f,
                    0.19921875f,
                    0.1171875f,
                    0.05078125f,
                    0.015625f
                },
                GaussianKernels.opencv(9, 0));
        assertArrayEquals(
                new float[] {0.03125f, 0.109375f, 0.21875f, 0.28125f, 0.21875f, 0.109375f, 0.03125f},
                GaussianKernels.opencv(7, 0));
        float[] k11 = GaussianKernels.opencv(11, 0);
        assertEquals(0.008812229292562288, k11[0], 1e-8);
        assertEquals(0.20056541423882085, k11[5], 1e-8);
        assertEquals(2.0, GaussianKernels.autoSigma(11), 1e-12);
    }

    @Test
    void bilinearResizeOfAFloatPlane() {
        // a = np.arange(12, dtype=np.float32).reshape(3, 4) * 1.5; cv2.resize(a, (7, 5))
        float[] a = new float[12];
        for (int i = 0; i < 12; i++) {
            a[i] = i * 1.5f;
        }
        float[] expected = {
            0.0f,
            0.5357143f,
            1.3928571f,
            2.25f,
            3.1071430f,
            3.9642854f,
            4.5f,
            2.4000001f,
            2.9357142f,
            3.7928572f,
            4.65f,
            5.507143f,
            6.3642855f,
            6.9000006f,
            6.0f,
            6.535714f,
            7.392857f,
            8.25f,
            9.107143f,
            9.964285f,
            10.5f,
            9.6f,
            10.135715f,
            10.992858f,
            11.85f,
            12.707144f,
            13.564285f,
            14.1f,
            12.0f,
            12.535715f,
            13.392859f,
            14.25f,
            15.107142f,
            15.964285f,
            16.5f
        };
        assertArrayEquals(expected, Resize.linear(a, 4, 3, 7, 5), 1e-5f);
    }

    @Test
    void bilinearResizeOfAnRgbImageInFixedPoint() {
        // b = np.arange(18, dtype=np.uint8).reshape(2, 3, 3) * 13; cv2.resize(b, (5, 4))
        byte[] b = new byte[18];
        for (int i = 0; i < 18; i++) {
            b[i] = (byte) (i * 13);
        }
        int[] expected = {
            0, 13, 26, 15, 28, 41, 39, 52, 65, 62, 75, 88, 78, 91, 104, 29, 42, 55, 45, 58, 71, 68, 81, 94, 92, 105,
            118, 107, 120, 133, 88, 101, 114, 103, 116, 129, 127, 140, 153, 150, 163, 176, 166, 179, 192, 117, 130, 143,
            132, 145, 158, 156, 169, 182, 179, 192, 205, 195, 208, 221
        };
        assertArrayEquals(expected, unsigned(Resize.linearRgb(b, 3, 2, 5, 4)));
    }

    @Test
    void warpAffineBilinearWithConstantBorder() {
        // c = (np.arange(90).reshape(5, 6, 3) * 7 % 256).astype(np.uint8); albumentations' matrix for
        // sx=1.04, sy=0.96, tx=0.37, ty=-0.21 about (w/2 - 0.5, h/2 - 0.5); cv2.warpAffine(..., INTER_LINEAR)
        byte[] c = new byte[90];
        for (int i = 0; i < 90; i++) {
            c[i] = (byte) (i * 7 % 256);
        }
        double cx = 6 / 2.0 - 0.5;
        double cy = 5 / 2.0 - 0.5;
        int[] expected = {
            12, 17, 22, 30, 37, 44, 51, 58, 65, 71, 78, 85, 91, 98, 105, 112, 119, 126, 112, 81, 87, 131, 123, 130, 136,
            143, 150, 157, 164, 171, 177, 184, 191, 197, 204, 211, 168, 23, 28, 101, 45, 52, 58, 65, 72, 79, 86, 93, 99,
            106, 113, 119, 126, 133, 115, 120, 78, 124, 131, 118, 124, 131, 138, 145, 152, 159, 165, 172, 179, 185, 192,
            199, 128, 131, 3, 59, 64, 14, 18, 23, 28, 32, 37, 42, 46, 51, 56, 60, 65, 70
        };
        byte[] out =
                AxisAlignedWarp.bilinearRgb(c, 6, 5, 1.04, (1.04 * -cx + 0.37) + cx, 0.96, (0.96 * -cy - 0.21) + cy);
        assertArrayEquals(expected, unsigned(out));
    }

    @Test
    void hsvConversionsIncludingTheTruncatingInverse() {
        // cv2.cvtColor(RGB -> HSV) of six colours
        int[][] rgb = {{255, 0, 0}, {12, 200, 90}, {1, 2, 3}, {250, 250, 250}, {200, 100, 50}, {0, 0, 1}};
        int[][] hsv = {{0, 255, 255}, {72, 240, 200}, {105, 170, 3}, {0, 0, 250}, {10, 191, 200}, {120, 255, 1}};
        for (int i = 0; i < rgb.length; i++) {
            int p = Hsv8.toHsv(rgb[i][0], rgb[i][1], rgb[i][2]);
            assertArrayEquals(hsv[i], new int[] {p >>> 16, (p >>> 8) & 0xff, p & 0xff}, "colour " + i);
        }
        // cv2.cvtColor(HSV -> RGB) on a 384-pixel row (the vectorised path, which truncates)
        int[][] in = {{120, 254, 128}, {30, 200, 100}, {0, 0, 77}, {179, 255, 255}, {90, 128, 200}, {15, 77, 33}};
        int[][] out = {{0, 0, 128}, {100, 100, 21}, {77, 77, 77}, {255, 0, 8}, {99, 199, 200}, {33, 28, 23}};
        for (int i = 0; i < in.length; i++) {
            int p = Hsv8.toRgb(in[i][0], in[i][1], in[i][2]);
            assertArrayEquals(out[i], new int[] {p >>> 16, (p >>> 8) & 0xff, p & 0xff}, "hsv " + i);
        }
    }

    @Test
    void jpegRoundTripIsBitIdenticalToOpenCvsReadingOfAnRgbArray() {
        // g[y, x] = (16x, 16y, xy mod 256), 16x16; cv2.imdecode(cv2.imencode('.jpg', g, (IMWRITE_JPEG_QUALITY, q)))
        byte[] g = new byte[16 * 16 * 3];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int o = (y * 16 + x) * 3;
                g[o] = (byte) (x * 16);
                g[o + 1] = (byte) (y * 16);
                g[o + 2] = (byte) (x * y % 256);
            }
        }
        byte[] q40 = Jpeg.roundTrip(g, 16, 16, 40);
        assertEquals(75542, sum(q40));
        assertArrayEquals(new int[] {115, 79, 39}, pixel(q40, 16, 7, 5));
        assertArrayEquals(new int[] {19, 222, 17}, pixel(q40, 16, 0, 15));
        byte[] q90 = Jpeg.roundTrip(g, 16, 16, 90);
        assertEquals(75947, sum(q90));
        assertArrayEquals(new int[] {111, 80, 35}, pixel(q90, 16, 7, 5));
    }

    @Test
    void sharpenAsFilter2D() {
        // s = (np.arange(60).reshape(4, 5, 3) * 11 % 256).astype(np.uint8); alpha 0.3, lightness 0.7; cv2.filter2D
        byte[] s = new byte[60];
        for (int i = 0; i < 60; i++) {
            s[i] = (byte) (i * 11 % 256);
        }
        int[] expected = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 110, 120, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0,
            0, 0, 0, 0, 0, 0, 28, 21, 31, 117, 204, 214, 224, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 10, 20
        };
        assertArrayEquals(expected, unsigned(PixelOps.sharpen(s, 5, 4, 0.3, 0.7)));
    }

    static int[] unsigned(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }

    private static long sum(byte[] b) {
        long s = 0;
        for (byte v : b) {
            s += v & 0xff;
        }
        return s;
    }

    private static int[] pixel(byte[] rgb, int w, int x, int y) {
        int o = (y * w + x) * 3;
        return new int[] {rgb[o] & 0xff, rgb[o + 1] & 0xff, rgb[o + 2] & 0xff};
    }
}
