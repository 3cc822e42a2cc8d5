package dev.prodet.face.internal.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.face.FaceLandmarkLayout;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MeshToIbugTest {

    @Test
    void mapsAreCompleteDistinctAndInRange() {
        assertEquals(FaceLandmarkLayout.IBUG_POINTS, MeshToIbug.IBUG.length);
        assertEquals(FaceLandmarkLayout.FACE_OVAL_POINTS, MeshToIbug.FACE_OVAL.length);
        assertEquals(
                MeshToIbug.IBUG.length, IntStream.of(MeshToIbug.IBUG).distinct().count());
        assertEquals(
                MeshToIbug.FACE_OVAL.length,
                IntStream.of(MeshToIbug.FACE_OVAL).distinct().count());
        assertTrue(IntStream.concat(IntStream.of(MeshToIbug.IBUG), IntStream.of(MeshToIbug.FACE_OVAL))
                .allMatch(i -> i >= 0 && i < MeshResult.POINTS));
    }

    @Test
    void jawPointsLieOnTheFaceOvalInOrder() {
        int[] jaw = Arrays.copyOfRange(MeshToIbug.IBUG, 0, 17);
        int last = -1;
        for (int j : jaw) { // the oval runs clockwise from the forehead; the jaw runs ear → chin → ear, i.e. backwards
            int at = IntStream.range(0, MeshToIbug.FACE_OVAL.length)
                    .filter(k -> MeshToIbug.FACE_OVAL[k] == j)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("jaw point " + j + " is not on the oval"));
            int unrolled = (MeshToIbug.FACE_OVAL.length - at) % MeshToIbug.FACE_OVAL.length; // 127 → 7, 356 → 29
            assertTrue(unrolled > last || last == -1, "jaw order at mesh point " + j);
            last = unrolled;
        }
    }

    @Test
    void toLayoutCopiesTheMappedPoints() {
        float[] mesh = new float[2 * MeshResult.POINTS];
        for (int i = 0; i < MeshResult.POINTS; i++) {
            mesh[2 * i] = i;
            mesh[2 * i + 1] = -i;
        }
        float[] out = MeshToIbug.toLayout(mesh);
        assertEquals(2 * FaceLandmarkLayout.POINTS, out.length);
        assertEquals(33, out[2 * 36]); // iBUG 36 = right outer eye corner = mesh 33
        assertEquals(-263, out[2 * 45 + 1]);
        assertEquals(10, out[2 * FaceLandmarkLayout.FACE_OVAL_FROM]);
    }
}
