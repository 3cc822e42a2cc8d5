package dev.prodet.forgery.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SBI's source augmentation and the joint photometric augmentation of a training tuple. */
class AugmentationTest {

    private static final RgbImage A = SyntheticFaces.face("v1", "p1", 0).face().image();
    private static final RgbImage B = SyntheticFaces.face("v2", "p2", 0).face().image();

    @Test
    void jointAugmentationAppliesOneDrawToEveryImageOfTheTuple() {
        for (long seed = 0; seed < 30; seed++) {
            List<RgbImage> out = JointAugmentation.applyJointly(List.of(A, B, A, B), new SplittableRandom(seed));
            JointAugmentation aug = JointAugmentation.draw(new SplittableRandom(seed));
            // one draw: equal inputs give equal outputs, and each equals the drawn augmentation applied alone
            assertEquals(out.get(0), out.get(2));
            assertEquals(out.get(1), out.get(3));
            assertEquals(aug.apply(A), out.get(0), "seed " + seed);
            assertEquals(aug.apply(B), out.get(1), "seed " + seed);
        }
    }

    @Test
    void jointAugmentationDrawsEachOpWithItsProbability() {
        SplittableRandom rng = new SplittableRandom(11);
        int[] hits = new int[4];
        int n = 4000;
        for (int i = 0; i < n; i++) {
            JointAugmentation a = JointAugmentation.draw(rng);
            hits[0] += a.rgbShift() != null ? 1 : 0;
            hits[1] += a.hsvShift() != null ? 1 : 0;
            hits[2] += a.brightnessContrast() != null ? 1 : 0;
            if (a.jpegQuality() > 0) {
                hits[3]++;
                assertTrue(a.jpegQuality() >= 40 && a.jpegQuality() <= 100, "quality " + a.jpegQuality());
            }
            if (a.rgbShift() != null) {
                assertTrue(Math.abs(a.rgbShift().r()) <= 20);
            }
            if (a.brightnessContrast() != null) {
                assertTrue(Math.abs(a.brightnessContrast().alpha() - 1) <= 0.3);
            }
        }
        assertEquals(0.3, hits[0] / (double) n, 0.03);
        assertEquals(0.3, hits[1] / (double) n, 0.03);
        assertEquals(0.3, hits[2] / (double) n, 0.03);
        assertEquals(0.5, hits[3] / (double) n, 0.03);
    }

    @Test
    void eachJointOpChangesPixelsAsSpecified() {
        assertEquals(A, JointAugmentation.identity().apply(A));
        RgbImage shifted = new JointAugmentation(new ColorJitter.RgbShift(10.7, -300, 0), null, null, 0).apply(A);
        for (int p = 0; p < 100; p++) {
            assertEquals(Math.min(255, A.get(p, 0, 0) + 10), shifted.get(p, 0, 0), "truncated shift");
            assertEquals(0, shifted.get(p, 0, 1), "clipped at 0");
            assertEquals(A.get(p, 0, 2), shifted.get(p, 0, 2));
        }
        RgbImage bc = new JointAugmentation(null, null, new ColorJitter.BrightnessContrast(1.2, 0.1), 0).apply(A);
        int v = A.get(5, 5, 1);
        assertEquals((int) Math.min(255f, v * 1.2f + 25.5f), bc.get(5, 5, 1));
        RgbImage hsv = new JointAugmentation(null, new ColorJitter.HsvShift(0.2, 0.2, -0.2), null, 0).apply(A);
        // HSV at +-0.3 is nearly a no-op: value -1 plus the truncating 8-bit round trip
        assertTrue(maxDiff(A, hsv) >= 1 && maxDiff(A, hsv) <= 8, "max change " + maxDiff(A, hsv));
        assertTrue(meanDiff(A, hsv) < 1.5, "mean change " + meanDiff(A, hsv));
        RgbImage jpeg = new JointAugmentation(null, null, null, 40).apply(A);
        assertTrue(maxDiff(A, jpeg) > 5, "JPEG 40 leaves visible artefacts");
        assertThrows(IllegalArgumentException.class, () -> new JointAugmentation(null, null, null, 101));
    }

    @Test
    void sourceAugmentationIsSeededAndChangesTheImage() {
        RgbImage one = SourceAugmentation.apply(A, new SplittableRandom(3));
        assertEquals(one, SourceAugmentation.apply(A, new SplittableRandom(3)));
        assertNotEquals(one, SourceAugmentation.apply(A, new SplittableRandom(4)));
        for (long s = 0; s < 8; s++) {
            RgbImage out = SourceAugmentation.apply(A, new SplittableRandom(s));
            assertEquals(A.width(), out.width());
            assertTrue(maxDiff(A, out) > 3, "seed " + s + " barely changed the image");
        }
    }

    private static double meanDiff(RgbImage a, RgbImage b) {
        byte[] x = a.rgb();
        byte[] y = b.rgb();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        }
        return s / x.length;
    }

    private static int maxDiff(RgbImage a, RgbImage b) {
        byte[] x = a.rgb();
        byte[] y = b.rgb();
        int max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs((x[i] & 0xff) - (y[i] & 0xff)));
        }
        return max;
    }
}
