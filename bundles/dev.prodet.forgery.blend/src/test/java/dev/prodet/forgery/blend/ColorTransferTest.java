package dev.prodet.forgery.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColorTransferTest {

    @Test
    void donorTakesTheBackgroundsMaskedMeanAndStdWithinOneGreyLevel() {
        FaceSample bg = SyntheticFaces.face("v001", "pale", 0);
        FaceSample donor = SyntheticFaces.face("v002", "dark", 0);
        float[] mask = HullMasks.build(HullType.COMPONENTS, bg.face().landmarks(), 256, 256);
        byte[] b = bg.face().rgb();
        byte[] d = donor.face().rgb();
        byte[] out = ColorTransfer.meanStdRgb(b, d, mask);
        for (int c = 0; c < 3; c++) {
            double[] sb = stats(b, mask, c);
            double[] so = stats(out, mask, c);
            double[] sd = stats(d, mask, c);
            assertTrue(Math.abs(sd[0] - sb[0]) > 5 || Math.abs(sd[1] - sb[1]) > 5, "inputs differ in channel " + c);
            assertTrue(clippedFraction(d, mask, c, sd, sb) < 0.01, "test input clips little");
            assertEquals(sb[0], so[0], 1.0, "mean, channel " + c);
            assertEquals(sb[1], so[1], 1.0, "std, channel " + c);
        }
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] == 0f) {
                assertEquals(d[3 * p], out[3 * p], "outside the mask the donor is untouched");
            }
        }
    }

    @Test
    void clippingKeepsValuesInRangeAndLowersTheStd() {
        // background spread over 0..255 inside the mask, donor narrow: scaled values overshoot and clip
        int n = 64 * 64;
        byte[] bg = new byte[3 * n];
        byte[] donor = new byte[3 * n];
        float[] mask = new float[n];
        SplittableRandom rng = new SplittableRandom(4);
        for (int p = 0; p < n; p++) {
            mask[p] = 1f;
            for (int c = 0; c < 3; c++) {
                bg[3 * p + c] = (byte) (p % 2 == 0 ? 5 : 250);
                donor[3 * p + c] = (byte) (100 + (int) Math.round(rng.nextGaussian() * 8));
            }
        }
        byte[] out = ColorTransfer.meanStdRgb(bg, donor, mask);
        double[] sb = stats(bg, mask, 0);
        double[] so = stats(out, mask, 0);
        assertTrue(so[1] < sb[1] - 2, "clipping lowers the std: " + so[1] + " vs " + sb[1]);
    }

    @Test
    void flatDonorBecomesTheBackgroundMeanAndAnEmptyMaskChangesNothing() {
        byte[] bg = {10, 20, 30, 30, 40, 50};
        byte[] donor = {90, 90, 90, 90, 90, 90};
        byte[] out = ColorTransfer.meanStdRgb(bg, donor, new float[] {1f, 1f});
        assertEquals(20, out[0]);
        assertEquals(30, out[1]);
        assertEquals(40, out[2]);
        byte[] same = ColorTransfer.meanStdRgb(bg, donor, new float[] {0f, 0f});
        assertEquals(90, same[0]);
    }

    static double[] stats(byte[] rgb, float[] mask, int c) {
        double s = 0;
        double q = 0;
        int n = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] != 0f) {
                int v = rgb[3 * p + c] & 0xff;
                s += v;
                q += (double) v * v;
                n++;
            }
        }
        double mean = s / n;
        return new double[] {mean, Math.sqrt(q / n - mean * mean)};
    }

    private static double clippedFraction(byte[] d, float[] mask, int c, double[] sd, double[] sb) {
        int clipped = 0;
        int n = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] != 0f) {
                double t = ((d[3 * p + c] & 0xff) - sd[0]) * sb[1] / sd[1] + sb[0];
                clipped += t < 0 || t > 255 ? 1 : 0;
                n++;
            }
        }
        return clipped / (double) n;
    }
}
