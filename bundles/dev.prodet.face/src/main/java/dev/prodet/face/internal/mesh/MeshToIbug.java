package dev.prodet.face.internal.mesh;

import dev.prodet.face.FaceLandmarkLayout;

/**
 * Maps MediaPipe's 468 face-mesh points to {@link FaceLandmarkLayout}: the iBUG 300-W 68 points, then the 36-point
 * face oval. "Right"/"left" are the subject's; mesh point 33 is the subject's right outer eye corner (image left).
 *
 * <p>The 68-point map, iBUG index ← mesh index (chosen per region so that the mesh point sits where the iBUG
 * definition puts its point, and symmetric pairs of iBUG points get symmetric pairs of mesh points):
 * <pre>
 * jaw 0..16          127 234  93 132  58 136 150 176 152 400 379 365 288 361 323 454 356   (on the face oval)
 * right brow 17..21   70  63 105  66 107        (upper brow edge, outer → inner)
 * left brow 22..26   336 296 334 293 300        (inner → outer)
 * nose bridge 27..30 168 197   5   4            (between the eyes → tip)
 * lower nose 31..35   98  97   2 326 327        (right alar base → subnasale → left alar base)
 * right eye 36..41    33 160 158 133 153 144    (outer corner, upper lid ×2, inner corner, lower lid ×2)
 * left eye 42..47    362 385 387 263 373 380    (inner corner, upper lid ×2, outer corner, lower lid ×2)
 * outer lips 48..59   61  40  37   0 267 270 291 321 314  17  84  91
 * inner lips 60..67   78  81  13 311 308 402  14 178
 * </pre>
 * The face oval is MediaPipe's {@code FACEMESH_FACE_OVAL} contour in drawing order, starting at the top of the
 * forehead (point 10). Mesh points are lists of surface vertices, not semantic landmarks, so the map is a best fit:
 * the jaw points lie on the visible face outline (iBUG's jaw points are on the outline too), the nostril points on
 * the alar base.
 */
public final class MeshToIbug {

    /** Mesh index of each iBUG point, in iBUG order. */
    static final int[] IBUG = {
        127, 234, 93, 132, 58, 136, 150, 176, 152, 400, 379, 365, 288, 361, 323, 454, 356, 70, 63, 105, 66, 107, 336,
        296, 334, 293, 300, 168, 197, 5, 4, 98, 97, 2, 326, 327, 33, 160, 158, 133, 153, 144, 362, 385, 387, 263, 373,
        380, 61, 40, 37, 0, 267, 270, 291, 321, 314, 17, 84, 91, 78, 81, 13, 311, 308, 402, 14, 178
    };

    /** Mesh index of each face-oval point, clockwise on screen from the top of the forehead. */
    static final int[] FACE_OVAL = {
        10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377,
        152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109
    };

    private MeshToIbug() {}

    /** The landmarks of {@link FaceLandmarkLayout} ({@code [x0, y0, ...]}, 104 points) from 468 mesh points. */
    public static float[] toLayout(float[] mesh) {
        if (mesh.length != 2 * MeshResult.POINTS) {
            throw new IllegalArgumentException(
                    "expected " + MeshResult.POINTS + " mesh points, got " + mesh.length / 2);
        }
        float[] out = new float[2 * FaceLandmarkLayout.POINTS];
        int o = 0;
        for (int[] map : new int[][] {IBUG, FACE_OVAL}) {
            for (int m : map) {
                out[o++] = mesh[2 * m];
                out[o++] = mesh[2 * m + 1];
            }
        }
        return out;
    }
}
