package dev.prodet.eval.internal.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.RgbImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PerturbationTest {

    /** A textured test crop: a gradient plus 4-pixel squares of pseudo-random brightness, no pure black pixel. */
    static RgbImage texture(int size) {
        byte[] px = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int check = new SplittableRandom((x / 4) * 7919L + y / 4).nextInt(60);
                px[(y * size + x) * 3] = (byte) (40 + x * 100 / size + check);
                px[(y * size + x) * 3 + 1] = (byte) (60 + y * 100 / size + check);
                px[(y * size + x) * 3 + 2] = (byte) (90 + check);
            }
        }
        return new RgbImage(size, size, px);
    }

    static RgbImage constant(int size, int v) {
        byte[] px = new byte[size * size * 3];
        java.util.Arrays.fill(px, (byte) v);
        return new RgbImage(size, size, px);
    }

    @ParameterizedTest
    @EnumSource(Perturbation.class)
    void levelZeroIsCleanAndHigherLevelsChangeMoreAndAreReproducible(Perturbation p) {
        RgbImage img = texture(128); // spatial levels are given at 256 px: 128 halves them
        assertSame(img, p.apply(img, 0, 1));
        double previous = 0;
        for (int level = 1; level < Perturbation.LEVELS; level++) {
            RgbImage a = p.apply(img, level, 5);
            assertEquals(img.width(), a.width());
            assertEquals(img.height(), a.height());
            assertEquals(a, p.apply(img, level, 5), "same seed, same image");
            double d = meanAbsDiff(img, a);
            assertTrue(d > previous, p + " level " + level + " changes " + d + ", level before " + previous);
            previous = d;
            assertTrue(
                    p.parameters(level).containsValue(p.value(level)),
                    p.parameters(level).toString());
        }
        assertThrows(IllegalArgumentException.class, () -> p.apply(img, 5, 0));
    }

    @Test
    void blockMaskingBlacksOutTheNumberOfCellsOfItsLevel() {
        RgbImage img = texture(64); // no black pixel: every 0 comes from the mask
        for (int level = 1; level < Perturbation.LEVELS; level++) {
            RgbImage m = Perturbation.BLOCK_MASK.apply(img, level, 9);
            int black = 0;
            for (int i = 0; i < m.pixelCount(); i++) {
                if (m.get(i % 64, i / 64, 0) == 0 && m.get(i % 64, i / 64, 1) == 0 && m.get(i % 64, i / 64, 2) == 0) {
                    black++;
                }
            }
            int blocks = Perturbation.BLOCK_MASK.value(level).intValue();
            assertEquals(blocks * 8 * 8, black, "level " + level + ": " + blocks + " cells of 8x8 pixels");
        }
        assertNotEquals(Perturbation.BLOCK_MASK.apply(img, 1, 1), Perturbation.BLOCK_MASK.apply(img, 1, 2));
    }

    @Test
    void noiseHasTheStandardDeviationOfItsLevel() {
        RgbImage grey = constant(128, 128);
        for (int level = 1; level < Perturbation.LEVELS; level++) {
            RgbImage n = Perturbation.GAUSSIAN_NOISE.apply(grey, level, 3);
            byte[] px = n.rgb();
            double sum = 0;
            double sq = 0;
            for (byte b : px) {
                double d = (b & 0xff) - 128;
                sum += d;
                sq += d * d;
            }
            double mean = sum / px.length;
            double sd = Math.sqrt(sq / px.length - mean * mean);
            double sigma = Perturbation.GAUSSIAN_NOISE.value(level).doubleValue();
            assertEquals(0, mean, 0.3, "mean");
            assertEquals(sigma, sd, sigma * 0.03 + 0.1, "level " + level);
        }
    }

    @Test
    void shiftMovesContentRightAndDownWithABlackBorder() {
        RgbImage img = texture(256);
        RgbImage s = Perturbation.SHIFT.apply(img, 2, 0); // 16 px at 256
        for (int c = 0; c < 3; c++) {
            assertEquals(img.get(100, 50, c), s.get(116, 66, c));
            assertEquals(img.get(0, 0, c), s.get(16, 16, c));
            assertEquals(0, s.get(15, 100, c));
            assertEquals(0, s.get(100, 15, c));
        }
        RgbImage half = Perturbation.SHIFT.apply(texture(128), 2, 0); // scaled: 8 px at 128
        assertEquals(texture(128).get(10, 10, 0), half.get(18, 18, 0));
    }

    @Test
    void blurAndDownscaleKeepFlatImagesFlatAndRemoveDetail() {
        RgbImage flat = constant(64, 77);
        assertEquals(flat, Perturbation.BLUR.apply(flat, 4, 0));
        assertEquals(flat, Perturbation.DOWNSCALE.apply(flat, 4, 0));
        RgbImage img = texture(256);
        assertTrue(detail(Perturbation.BLUR.apply(img, 2, 0)) < detail(img) / 2);
        assertTrue(detail(Perturbation.DOWNSCALE.apply(img, 4, 0)) < detail(img) / 2);
    }

    @Test
    void areaResizeAveragesTheCoveredSourcePixels() {
        // 3 → 2 pixels: [0, 1.5) = (0·1 + 90·0.5)/1.5 = 30; [1.5, 3) = (90·0.5 + 180·1)/1.5 = 150
        RgbImage row = new RgbImage(3, 1, new byte[] {0, 0, 0, 90, 90, 90, (byte) 180, (byte) 180, (byte) 180});
        RgbImage out = Resample.area(row, 2, 1);
        assertArrayEquals(new byte[] {30, 30, 30, (byte) 150, (byte) 150, (byte) 150}, out.rgb());
    }

    @Test
    void jpegQualityLowersFidelity() {
        RgbImage img = texture(64);
        double q80 = meanAbsDiff(img, Perturbation.JPEG.apply(img, 1, 0));
        double q20 = meanAbsDiff(img, Perturbation.JPEG.apply(img, 4, 0));
        assertTrue(q80 > 0 && q20 > q80 * 1.5, q80 + " vs " + q20);
    }

    @Test
    void idsRoundTrip() {
        for (Perturbation p : Perturbation.values()) {
            assertEquals(p, Perturbation.byId(p.id()));
        }
        assertThrows(IllegalArgumentException.class, () -> Perturbation.byId("rain"));
    }

    static double meanAbsDiff(RgbImage a, RgbImage b) {
        byte[] x = a.rgb();
        byte[] y = b.rgb();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        }
        return s / x.length;
    }

    /**
     * Mean squared difference between horizontal neighbours: high for sharp edges, low when an edge is spread out
     * (absolute differences would not do: spreading an edge keeps their sum).
     */
    static double detail(RgbImage img) {
        double s = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 1; x < img.width(); x++) {
                double d = img.get(x, y, 0) - img.get(x - 1, y, 0);
                s += d * d;
            }
        }
        return s / (img.height() * (img.width() - 1));
    }

    @Test
    void noiseDependsOnTheSeedOnly() {
        RgbImage grey = constant(16, 100);
        assertEquals(Perturbation.GAUSSIAN_NOISE.apply(grey, 2, 42), Perturbation.GAUSSIAN_NOISE.apply(grey, 2, 42));
        assertNotEquals(Perturbation.GAUSSIAN_NOISE.apply(grey, 2, 42), Perturbation.GAUSSIAN_NOISE.apply(grey, 2, 43));
        assertTrue(Math.abs(Pixels.gaussian(new SplittableRandom(1))) < 10);
    }
}
