package dev.prodet.forgery.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The random affine, elastic deformation, get_blend_mask and dynamic blend steps. */
class MaskPipelineTest {

    private static final int W = 256;

    /** The polygon of the OpenCV reference below. */
    private static float[] polygon() {
        float[] face = new float[W * W];
        ImageOps.fillConvexHull(face, W, W, new int[] {60, 70, 200, 80, 190, 220, 128, 240, 70, 200}, 1f);
        return face;
    }

    @Test
    void affineParametersStayInSbisRanges() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            RandomAffine a = RandomAffine.draw(W, W, rng);
            assertTrue(Math.abs(a.tx()) <= 0.03 * W && Math.abs(a.ty()) <= 0.015 * W, a.toString());
            assertTrue(a.sx() >= 0.95 && a.sx() <= 1 / 0.95 && a.sy() >= 0.95 && a.sy() <= 1 / 0.95, a.toString());
        }
    }

    @Test
    void identityAffineKeepsImageAndMaskAndPointsMoveAboutTheCentre() {
        RgbImage img = SyntheticFaces.face("v1", "p1", 0).face().image();
        RandomAffine id = new RandomAffine(0, 0, 1, 1);
        assertEquals(img, id.warp(img));
        float[] m = polygon();
        assertArrayEquals(m, id.warpMask(m, W, W));
        double[] p = new RandomAffine(2, -1, 1.05, 0.95).apply(127.5, 127.5, W, W);
        assertArrayEquals(new double[] {129.5, 126.5}, p, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new RandomAffine(0, 0, 0, 1));
    }

    @Test
    void elasticDisplacementHasTheExpectedSpreadAndKeepsMasksBinary() {
        float[][] d = ElasticDeformation.displacement(W, W, 50, 7, new SplittableRandom(9));
        double sq = 0;
        double max = 0;
        for (float[] f : d) {
            for (float v : f) {
                sq += v * v;
                max = Math.max(max, Math.abs(v));
            }
        }
        double std = Math.sqrt(sq / (2.0 * W * W));
        // uniform(-1, 1) smoothed by a 2-D Gaussian of sigma 7, times 50: std = 50 * 0.577 / (2 sqrt(pi) 7) = 1.16
        assertEquals(1.16, std, 0.25);
        assertTrue(max < 8, "max displacement " + max);
        float[] out = ElasticDeformation.deform(polygon(), W, W, new SplittableRandom(9));
        int changed = 0;
        float[] in = polygon();
        for (int i = 0; i < out.length; i++) {
            assertTrue(out[i] == 0f || out[i] == 1f);
            changed += out[i] != in[i] ? 1 : 0;
        }
        assertTrue(changed > 50 && changed < 3000, "changed boundary pixels: " + changed);
        assertArrayEquals(in, ElasticDeformation.deform(in, W, W, 0, 7, new SplittableRandom(9)));
    }

    @Test
    void softenedMaskMatchesOpenCvsGetBlendMask() {
        // face = zeros((256, 256)); face[70:231, 60:201] = 1; SBI's get_blend_mask with fixed draws, by cv2 4.6
        float[] rect = new float[W * W];
        for (int y = 70; y <= 230; y++) {
            java.util.Arrays.fill(rect, y * W + 60, y * W + 201, 1f);
        }
        float[] a = BlendMask.soften(rect, W, W, 256, 192, 5, 5, 5);
        assertEquals(21190.4061, sum(a), 0.01);
        assertEquals(1.0f, a[128 * W + 128], 1e-6f);
        assertEquals(0.013831293f, a[70 * W + 60], 1e-6f);
        assertEquals(0.604023f, a[150 * W + 62], 1e-6f);
        assertEquals(0.37048623f, a[72 * W + 100], 1e-6f);
        // size 210x230, k1 = 9 (OpenCV's fixed table), k2 = 15 with sigma 30
        float[] b = BlendMask.soften(rect, W, W, 210, 230, 9, 15, 30);
        assertEquals(19559.9918, sum(b), 0.01);
        assertEquals(0.052494545f, b[70 * W + 60], 1e-6f);
        assertEquals(0.53709805f, b[150 * W + 66], 1e-6f);
    }

    private static double sum(float[] m) {
        double s = 0;
        for (float v : m) {
            s += v;
        }
        return s;
    }

    @Test
    void softenedMaskPeaksAtOneErodesThenSpreadsAndStaysNearTheInput() {
        float[] in = polygon();
        for (long seed = 0; seed < 20; seed++) {
            float[] m = BlendMask.soften(in, W, W, new SplittableRandom(seed));
            float max = 0;
            for (int y = 0; y < W; y++) {
                for (int x = 0; x < W; x++) {
                    float v = m[y * W + x];
                    assertTrue(v >= 0 && v <= 1, "value " + v);
                    max = Math.max(max, v);
                    // k2 <= 25 at >= 192/256 scale spreads at most ~17 px beyond the polygon's bounding box
                    if (x < 60 - 20 || x > 200 + 20 || y < 70 - 20 || y > 240 + 20) {
                        assertEquals(0f, v, 1e-6f, "seed " + seed + " far pixel " + x + "," + y);
                    }
                }
            }
            assertEquals(1f, max, 1e-6f);
        }
        assertArrayEquals(new float[W * W], BlendMask.soften(new float[W * W], W, W, new SplittableRandom(1)));
    }

    @Test
    void dynamicBlendKeepsTheTargetWhereTheWeightIsZeroAndTruncates() {
        byte[] src = {(byte) 200, 100, 0, 10, 10, 10};
        byte[] tgt = {0, 0, 0, (byte) 255, (byte) 255, (byte) 255};
        byte[] out = DynamicBlend.blendRgb(src, tgt, new float[] {0.5f, 0f});
        assertArrayEquals(new byte[] {100, 50, 0, (byte) 255, (byte) 255, (byte) 255}, out);
        byte[] third = DynamicBlend.blendRgb(new byte[] {10, 10, 10}, new byte[] {11, 11, 11}, new float[] {0.3f});
        assertEquals((int) (0.3f * 10 + 0.7f * 11), third[0]); // float32 arithmetic, truncated: 10
        SplittableRandom rng = new SplittableRandom(2);
        int full = 0;
        for (int i = 0; i < 6000; i++) {
            float r = DynamicBlend.drawRatio(DynamicBlend.softRatios(), rng);
            assertTrue(r == 0.25f || r == 0.5f || r == 0.75f || r == 1f);
            full += r == 1f ? 1 : 0;
        }
        assertEquals(0.5, full / 6000.0, 0.03);
        assertNotEquals(0, DynamicBlend.hardRatios().length);
    }
}
