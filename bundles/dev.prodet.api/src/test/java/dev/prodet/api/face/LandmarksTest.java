package dev.prodet.api.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LandmarksTest {

    static Landmarks points(int n) {
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = i;
            xy[2 * i + 1] = 100 + i;
        }
        return new Landmarks(xy);
    }

    @Test
    void refusesOddLengthNullAndNonFinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Landmarks.of(1f, 2f, 3f));
        assertTrue(e.getMessage().contains("got: 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Landmarks(null));
        e = assertThrows(IllegalArgumentException.class, () -> Landmarks.of(1f, 2f, 3f, Float.NaN));
        assertTrue(e.getMessage().startsWith("Landmarks.xy[3] (y of point 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Landmarks.of(Float.POSITIVE_INFINITY, 0f));
    }

    @Test
    void copiesDefensively() {
        float[] xy = {1f, 2f, 3f, 4f};
        Landmarks l = new Landmarks(xy);
        xy[0] = 99f;
        assertEquals(1f, l.x(0));
        l.toArray()[1] = 99f;
        assertEquals(2f, l.y(0));
    }

    @Test
    void accessorsAndBounds() {
        Landmarks l = points(68);
        assertEquals(68, l.count());
        assertEquals(5f, l.x(5));
        assertEquals(105f, l.y(5));
        assertThrows(IndexOutOfBoundsException.class, () -> l.x(68));
        assertThrows(IndexOutOfBoundsException.class, () -> l.y(-1));
    }

    @Test
    void subsetAndRegions() {
        Landmarks dlib81 = points(81);
        Landmarks first68 = dlib81.subset(0, 68);
        assertEquals(68, first68.count());
        assertEquals(points(68), first68);
        Landmarks rightEye = dlib81.region(Ibug68.RIGHT_EYE);
        assertEquals(6, rightEye.count());
        assertEquals(36f, rightEye.x(0));
        assertEquals(141f, rightEye.y(5));
        assertEquals(17, points(68).region(Ibug68.JAW).count());
        assertEquals(20, points(68).region(Ibug68.MOUTH).count());
        assertEquals(0, points(68).subset(3, 3).count());
        assertThrows(IllegalArgumentException.class, () -> dlib81.subset(5, 4));
        assertThrows(IllegalArgumentException.class, () -> dlib81.subset(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> dlib81.subset(0, 82));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> points(5).region(Ibug68.JAW));
        assertTrue(e.getMessage().contains("5 points"), e.getMessage());
        assertFalse(points(67).hasIbug68());
    }

    @Test
    void ibugRegionsCoverTheSchemeWithoutGaps() {
        Ibug68[] parts = {
            Ibug68.JAW,
            Ibug68.RIGHT_EYEBROW,
            Ibug68.LEFT_EYEBROW,
            Ibug68.NOSE_BRIDGE,
            Ibug68.NOSE_LOWER,
            Ibug68.RIGHT_EYE,
            Ibug68.LEFT_EYE,
            Ibug68.OUTER_LIPS,
            Ibug68.INNER_LIPS
        };
        int next = 0;
        for (Ibug68 r : parts) {
            assertEquals(next, r.from(), r.name());
            next = r.to();
        }
        assertEquals(Ibug68.POINTS, next);
        assertEquals(Ibug68.NOSE_BRIDGE.size() + Ibug68.NOSE_LOWER.size(), Ibug68.NOSE.size());
    }

    @Test
    void valueEquality() {
        assertEquals(Landmarks.of(1f, 2f), Landmarks.of(1f, 2f));
        assertEquals(Landmarks.of(1f, 2f).hashCode(), Landmarks.of(1f, 2f).hashCode());
        assertNotEquals(Landmarks.of(1f, 2f), Landmarks.of(2f, 1f));
    }
}
