package dev.prodet.forgery.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.Landmarks;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HullMasksTest {

    private static final Landmarks FACE =
            SyntheticFaces.face("v000", "id0", 0).face().landmarks();

    @Test
    void maskAreasMatchDeepfakeBenchsMasksOnTheSameLandmarks() {
        // DeepfakeBench library/DeepFakeMask.py on these landmarks (cv2 4.6): pixels > 0 per type
        int[] expected = {16607, 18575, 16607, 16607};
        for (HullType t : HullType.values()) {
            int area = area(HullMasks.build(t, FACE, 256, 256));
            assertEquals(expected[t.ordinal()], area, 4, t + " (a few boundary ties may differ)");
        }
    }

    @Test
    void masksAreBinaryAndExtendedReachesAboveTheEyebrows() {
        float[] ext = HullMasks.build(HullType.EXTENDED, FACE, 256, 256);
        float[] comp = HullMasks.build(HullType.COMPONENTS, FACE, 256, 256);
        for (HullType t : HullType.values()) {
            for (float v : HullMasks.build(t, FACE, 256, 256)) {
                assertTrue(v == 0f || v == 1f, t + " value " + v);
            }
        }
        assertTrue(top(ext) < top(comp) - 5, "extended top " + top(ext) + " vs components " + top(comp));
        for (int i = 0; i < comp.length; i++) {
            assertTrue(comp[i] <= ext[i], "components lies inside extended");
        }
    }

    @Test
    void facehullWith68PointsIsTheConvexHullOfAllOfThem() {
        float[] hull = HullMasks.build(HullType.FACEHULL, FACE, 256, 256);
        float[] direct = new float[256 * 256];
        int[] xy = new int[136];
        for (int i = 0; i < 68; i++) {
            xy[2 * i] = (int) FACE.x(i);
            xy[2 * i + 1] = (int) FACE.y(i);
        }
        ImageOps.fillConvexHull(direct, 256, 256, xy, 1f);
        assertEquals(area(direct), area(hull));
    }

    @Test
    void foreheadPointsAreDroppedAQuarterOfTheTime() {
        float[] xy = new float[162];
        for (int i = 0; i < 81; i++) {
            xy[2 * i] = i < 68 ? FACE.x(i) : 100 + i;
            xy[2 * i + 1] = i < 68 ? FACE.y(i) : 30;
        }
        Landmarks dlib81 = new Landmarks(xy);
        SplittableRandom rng = new SplittableRandom(5);
        int dropped = 0;
        for (int i = 0; i < 4000; i++) {
            dropped += HullMasks.maybeDropForehead(dlib81, rng).count() == 68 ? 1 : 0;
        }
        assertEquals(0.25, dropped / 4000.0, 0.03);
        assertEquals(68, HullMasks.maybeDropForehead(FACE, rng).count());
        // with the forehead, facehull reaches up to y = 30
        assertEquals(30, top(HullMasks.build(HullType.FACEHULL, dlib81, 256, 256)));
    }

    @Test
    void rejectsFewerThan68LandmarksNamingTheCount() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> HullMasks.build(HullType.DFL_FULL, FACE.subset(0, 5), 256, 256));
        assertTrue(e.getMessage().contains("got 5 points"), e.getMessage());
    }

    static int area(float[] m) {
        int n = 0;
        for (float v : m) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    private static int top(float[] m) {
        for (int i = 0; i < m.length; i++) {
            if (m[i] > 0) {
                return i / 256;
            }
        }
        return -1;
    }
}
