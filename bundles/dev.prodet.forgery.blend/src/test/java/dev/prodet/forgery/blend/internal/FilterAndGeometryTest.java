package dev.prodet.forgery.blend.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Borders, separable filtering, remapping and polygon filling against direct definitions. */
class FilterAndGeometryTest {

    @Test
    void bordersMirrorAsOpenCvAndScipyDo() {
        // n = 4, indices -3..6: REFLECT_101 dcb|abcd|cba, REFLECT cba|abcd|dcb
        int[] r101 = new int[10];
        int[] r = new int[10];
        for (int i = -3; i <= 6; i++) {
            r101[i + 3] = Border.REFLECT_101.index(i, 4);
            r[i + 3] = Border.REFLECT.index(i, 4);
        }
        assertArrayEquals(new int[] {3, 2, 1, 0, 1, 2, 3, 2, 1, 0}, r101);
        assertArrayEquals(new int[] {2, 1, 0, 0, 1, 2, 3, 3, 2, 1}, r);
        assertEquals(0, Border.REFLECT_101.index(5, 1));
    }

    @Test
    void separableFilterEqualsDirectTwoDimensionalCorrelation() {
        int w = 23;
        int h = 17;
        SplittableRandom rng = new SplittableRandom(3);
        float[] src = new float[w * h];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) rng.nextDouble();
        }
        float[] kx = {0.1f, 0.2f, 0.4f, 0.2f, 0.1f};
        float[] ky = {0.05f, 0.2f, 0.5f, 0.15f, 0.1f}; // asymmetric: exercises the general path
        for (Border border : Border.values()) {
            float[] got = SeparableFilter.apply(src, w, h, kx, ky, border);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int j = 0; j < 5; j++) {
                        for (int i = 0; i < 5; i++) {
                            s += ky[j] * kx[i] * src[border.index(y + j - 2, h) * w + border.index(x + i - 2, w)];
                        }
                    }
                    assertEquals(s, got[y * w + x], 1e-5, border + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aConstantPlateauStaysExactlyConstant() {
        // the erosion step of get_blend_mask relies on this (docs/method.md §9.3)
        float[] ones = new float[40 * 30];
        java.util.Arrays.fill(ones, 1f);
        float[] k = GaussianKernels.opencv(25, 0);
        float[] out = SeparableFilter.apply(ones, 40, 30, k, k, Border.REFLECT_101);
        for (float v : out) {
            assertEquals(out[0], v, 0f);
        }
    }

    @Test
    void filterRejectsEvenKernels() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SeparableFilter.apply(new float[4], 2, 2, new float[2], new float[] {1f}, Border.REFLECT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianKernels.opencv(4, 0));
        assertTrue(e.getMessage().contains("4"));
    }

    @Test
    void scipyKernelHasRadiusTruncateTimesSigma() {
        float[] k = GaussianKernels.scipy(7, 4);
        assertEquals(57, k.length); // radius int(4 * 7 + 0.5) = 28
        double sum = 0;
        for (float v : k) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void nearestRemapRoundsHalfToEvenAndMirrors() {
        float[] src = {0, 1, 2, 3, 4};
        // displacements 0.5 -> round half to even: x=0 -> 0.5 -> 0; x=1 -> 1.5 -> 2; x=4 -> 5.5 -> 6 -> mirrored 2
        float[] dx = {0.5f, 0.5f, 0f, -3f, 1.5f};
        float[] out = NearestRemap.apply(src, 5, 1, dx, new float[5]);
        assertArrayEquals(new float[] {0, 2, 2, 0, 2}, out);
    }

    @Test
    void hullDropsInteriorAndCollinearPointsAndSortsNegativeCoordinates() {
        int[] pts = {0, 0, 10, 0, 10, 10, 0, 10, 5, 5, 5, 0, -1, -7, 3, 3};
        // (0, 0) lies inside once (-1, -7) is there; (5, 0) is on an edge; (5, 5) and (3, 3) are interior
        assertArrayEquals(new int[] {-1, -7, 10, 0, 10, 10, 0, 10}, ConvexPolygons.hull(pts));
        assertArrayEquals(new int[] {3, 3}, ConvexPolygons.hull(new int[] {3, 3, 3, 3}));
        assertEquals(2, ConvexPolygons.hull(new int[] {0, 0, 2, 2, 4, 4}).length / 2);
    }

    @Test
    void fillCoversBoundaryAndInteriorOfARectangleAndClipsAtTheImage() {
        float[] plane = new float[10 * 8];
        ConvexPolygons.fill(plane, 10, 8, ConvexPolygons.hull(new int[] {2, 1, 6, 1, 6, 4, 2, 4}), 1f);
        int count = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                boolean inside = x >= 2 && x <= 6 && y >= 1 && y <= 4;
                assertEquals(inside ? 1f : 0f, plane[y * 10 + x], "pixel " + x + "," + y);
                count += inside ? 1 : 0;
            }
        }
        assertEquals(20, count);
        float[] clipped = new float[10 * 8];
        ConvexPolygons.fill(clipped, 10, 8, ConvexPolygons.hull(new int[] {-50, -50, 50, -50, 50, 50, -50, 50}), 1f);
        for (float v : clipped) {
            assertEquals(1f, v);
        }
    }

    @Test
    void fillOfATriangleMatchesOpenCv() {
        // mask = np.zeros((12, 12, 1), np.float32); cv2.fillConvexPoly(mask, np.array([[1, 1], [10, 3], [4, 10]]), 1)
        int[] rows = {
            0b000000000000,
            0b000000001110,
            0b000011111110,
            0b011111111100,
            0b001111111100,
            0b000111111100,
            0b000011111000,
            0b000011111000,
            0b000001111000,
            0b000000110000,
            0b000000010000,
            0
        };
        float[] plane = new float[144];
        ConvexPolygons.fill(plane, 12, 12, ConvexPolygons.hull(new int[] {1, 1, 10, 3, 4, 10}), 1f);
        for (int y = 0; y < 12; y++) {
            int bits = 0;
            for (int x = 0; x < 12; x++) {
                if (plane[y * 12 + x] == 1f) {
                    bits |= 1 << x;
                }
            }
            assertEquals(Integer.toBinaryString(rows[y]), Integer.toBinaryString(bits), "row " + y);
        }
    }
}
