package dev.prodet.forgery.sbi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.forgery.blend.HullMasks;
import dev.prodet.forgery.blend.ImageOps;
import dev.prodet.forgery.blend.RandomAffine;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Properties of SBI's algorithm (docs/method.md §4.1) beyond the generic contract. */
class SbiPropertiesTest {

    // a small face, so that its dilated hull is a strict part of the 256x256 crop
    private static final FaceSample SMALL = SyntheticFaces.face("v010", "small", 0, 0.55);

    @Test
    void blendedRegionLiesInsideTheDilatedLandmarkHull() {
        Landmarks l = SMALL.face().landmarks();
        int[] hull = unionHull(l);
        // bound: translation (3% of 256) + scale (1/0.95 - 1 of the farthest hull point's distance to the centre)
        // + nearest rounding + elastic displacement (std 1.2 px; 10 px) + the blur of get_blend_mask (k2 <= 25 at a
        // scale >= 192/256: 16 px) + bilinear resizing (2 px)
        double far = 0;
        for (int i = 0; i < hull.length; i += 2) {
            far = Math.max(far, Math.hypot(hull[i] - 127.5, hull[i + 1] - 127.5));
        }
        double bound = 0.03 * 256 + (1 / RandomAffine.MIN_SCALE - 1) * far + 1 + 10 + 16 + 2;
        double farthestSeen = 0;
        SbiGenerator sbi = new SbiGenerator(false);
        byte[] real = SMALL.face().rgb();
        for (long seed = 0; seed < 40; seed++) {
            Forgery f = sbi.generate(SMALL, null, new SplittableRandom(seed));
            float[] m = f.mask();
            byte[] fake = f.image().rgb();
            for (int p = 0; p < m.length; p++) {
                boolean changed = fake[3 * p] != real[3 * p]
                        || fake[3 * p + 1] != real[3 * p + 1]
                        || fake[3 * p + 2] != real[3 * p + 2];
                if (m[p] > 0f || changed) {
                    double d = distanceOutside(hull, p % 256, p / 256);
                    farthestSeen = Math.max(farthestSeen, d);
                    assertTrue(
                            d <= bound,
                            "seed " + seed + ": pixel " + p % 256 + "," + p / 256 + " is " + d
                                    + " px outside the hull, bound " + bound);
                }
            }
        }
        // the bound is not vacuous: blending does reach well beyond the hull itself
        assertTrue(farthestSeen > 8, "farthest blended pixel only " + farthestSeen + " px outside the hull");
        assertTrue(bound < 60, "bound " + bound);
    }

    @Test
    void peaksFollowTheDynamicBlendRatiosAndBothSidesGetAugmented() {
        SbiGenerator sbi = new SbiGenerator(true);
        TreeSet<Float> peaks = new TreeSet<>();
        int full = 0;
        int backgroundChanged = 0;
        int n = 60;
        byte[] real = SMALL.face().rgb();
        for (long seed = 0; seed < n; seed++) {
            Forgery f = sbi.generate(SMALL, null, new SplittableRandom(seed));
            float peak = 0;
            for (float v : f.mask()) {
                peak = Math.max(peak, v);
            }
            // the peak is the drawn ratio, or up to 1% below it after resizing the softened mask back
            float ratio = 0;
            for (float r : new float[] {0.25f, 0.5f, 0.75f, 1f}) {
                if (peak <= r && peak >= 0.99f * r) {
                    ratio = r;
                }
            }
            assertTrue(ratio > 0, "seed " + seed + ": peak " + peak + " is no blend ratio");
            peaks.add(ratio);
            full += ratio == 1f ? 1 : 0;
            byte[] fake = f.image().rgb();
            backgroundChanged += fake[0] != real[0] || fake[1] != real[1] || fake[2] != real[2] ? 1 : 0;
        }
        assertEquals(new TreeSet<>(java.util.List.of(0.25f, 0.5f, 0.75f, 1f)), peaks);
        assertEquals(0.5, full / (double) n, 0.2);
        // the corner pixel changes only when the target side was augmented (about half the time)
        assertTrue(
                backgroundChanged > n / 5 && backgroundChanged < 4 * n / 5,
                "target augmented " + backgroundChanged + " times of " + n);
    }

    @Test
    void acceptsDlib81LandmarksAndRejectsFacesOutsideTheCrop() {
        Landmarks l = SMALL.face().landmarks();
        float[] xy = new float[162];
        System.arraycopy(l.toArray(), 0, xy, 0, 136);
        for (int i = 68; i < 81; i++) {
            xy[2 * i] = 100 + i;
            xy[2 * i + 1] = 40;
        }
        Forgery f = new SbiGenerator(true).generate(with(new Landmarks(xy)), null, new SplittableRandom(1));
        assertEquals(256 * 256, f.mask().length);
        float[] away = l.toArray();
        for (int i = 0; i < away.length; i++) {
            away[i] += 1000;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SbiGenerator(true)
                .generate(with(new Landmarks(away)), null, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains(SMALL.relativePath()), e.getMessage());
    }

    private static FaceSample with(Landmarks l) {
        AlignedFace a = SMALL.face();
        return new FaceSample(
                new AlignedFace(a.image(), l, null, a.preprocessor()),
                SMALL.videoId(),
                SMALL.identity(),
                SMALL.label(),
                0,
                SMALL.relativePath());
    }

    /** Convex hull of the landmarks together with the raised eyebrows of the 'extended' mask: bounds every type. */
    static int[] unionHull(Landmarks l) {
        int[] ext = HullMasks.extendedPoints(l);
        int[] all = new int[ext.length * 2];
        for (int i = 0; i < l.count(); i++) {
            all[2 * i] = (int) l.x(i);
            all[2 * i + 1] = (int) l.y(i);
        }
        System.arraycopy(ext, 0, all, ext.length, ext.length);
        return ImageOps.convexHull(all);
    }

    /** Distance from a pixel to a convex polygon (counter-clockwise), 0 inside. */
    static double distanceOutside(int[] poly, double x, double y) {
        int n = poly.length / 2;
        boolean inside = true;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double ax = poly[2 * i];
            double ay = poly[2 * i + 1];
            double bx = poly[2 * ((i + 1) % n)];
            double by = poly[2 * ((i + 1) % n) + 1];
            double cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
            if (cross < 0) {
                inside = false;
            }
            double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2));
            best = Math.min(best, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
        }
        return inside ? 0 : best;
    }
}
