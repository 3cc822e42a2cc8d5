package dev.prodet.face.internal.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.FaceBox;
import dev.prodet.face.internal.cv.Similarity;
import org.junit.jupiter.api.Test;

class RoiTest {

    /** A fake mesh: all points on a 40×60 rectangle's corners, eye corners 33/263 on its horizontal mid-line. */
    private static float[] uprightMesh() {
        float[] m = new float[2 * MeshResult.POINTS];
        for (int i = 0; i < MeshResult.POINTS; i++) {
            m[2 * i] = 100 + (i % 2 == 0 ? -20 : 20);
            m[2 * i + 1] = 200 + (i % 4 < 2 ? -30 : 30);
        }
        m[2 * 33] = 85;
        m[2 * 33 + 1] = 200;
        m[2 * 263] = 115;
        m[2 * 263 + 1] = 200;
        return m;
    }

    @Test
    void meshSquareFollowsTheEyeLine() {
        Roi upright = Roi.fromMesh(uprightMesh());
        assertEquals(100, upright.cx(), 1e-6);
        assertEquals(200, upright.cy(), 1e-6);
        assertEquals(Roi.SCALE * 60, upright.size(), 1e-6);
        assertEquals(0, upright.angle(), 1e-9);

        Similarity turn = Similarity.about(300, 300, Math.toRadians(35), 2);
        Roi turned = Roi.fromMesh(turn.apply(uprightMesh()));
        assertEquals(Math.toRadians(35), turned.angle(), 1e-6);
        assertEquals(2 * Roi.SCALE * 60, turned.size(), 1e-3);
        float[] centre = turn.apply(new float[] {100, 200});
        assertEquals(centre[0], turned.cx(), 1e-3);
        assertEquals(centre[1], turned.cy(), 1e-3);
    }

    @Test
    void inputTransformCentresAndUprightsTheSquare() {
        Roi roi = new Roi(50, 80, 96, Math.toRadians(90));
        Similarity t = roi.toInput(192);
        assertArrayEquals(new float[] {95.5f, 95.5f}, t.apply(new float[] {50, 80}), 1e-4f);
        // a point 10 px along the face's "right" (rotated 90° clockwise on screen: +y) lands 20 px right in the input
        assertArrayEquals(new float[] {115.5f, 95.5f}, t.apply(new float[] {50, 90}), 1e-4f);
    }

    @Test
    void boxSquareIsUprightAndLarger() {
        Roi r = Roi.fromBox(new FaceBox(10, 20, 100, 80, 0.9f));
        assertEquals(60, r.cx(), 1e-6);
        assertEquals(60, r.cy(), 1e-6);
        assertEquals(150, r.size(), 1e-6);
        assertTrue(r.closeTo(new Roi(60.5, 60, 150.5, 0.01)));
        assertFalse(r.closeTo(new Roi(60, 60, 150, Math.toRadians(3))));
        assertFalse(r.closeTo(new Roi(65, 60, 150, 0)));
    }
}
