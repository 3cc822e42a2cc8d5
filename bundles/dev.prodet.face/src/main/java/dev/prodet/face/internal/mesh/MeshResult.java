package dev.prodet.face.internal.mesh;

/**
 * The face mesh of one face.
 *
 * @param points the 468 mesh points {@code [x0, y0, ...]} in the pixel coordinates of the image the mesh was run on
 * @param presence the model's face-presence probability in [0, 1]
 */
public record MeshResult(float[] points, float presence) {

    /** Number of mesh points. */
    public static final int POINTS = 468;

    /** Validates the point count. */
    public MeshResult {
        if (points.length != 2 * POINTS) {
            throw new IllegalArgumentException("a face mesh has " + POINTS + " points, got " + points.length / 2);
        }
    }

    /** x of mesh point {@code i}. */
    public float x(int i) {
        return points[2 * i];
    }

    /** y of mesh point {@code i}. */
    public float y(int i) {
        return points[2 * i + 1];
    }
}
