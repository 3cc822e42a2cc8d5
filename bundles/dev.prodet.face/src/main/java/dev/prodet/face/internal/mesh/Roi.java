package dev.prodet.face.internal.mesh;

import dev.prodet.api.face.FaceBox;
import dev.prodet.face.internal.cv.Similarity;

/**
 * The rotated square around a face that the face-mesh model sees, as MediaPipe builds it: 1.5 times the face's
 * extent, turned so that the line through the outer eye corners (mesh points 33 and 263) is horizontal.
 *
 * @param cx centre x in image pixels
 * @param cy centre y in image pixels
 * @param size side in image pixels
 * @param angle rotation of the face in radians (clockwise on screen); the model input undoes it
 */
public record Roi(double cx, double cy, double size, double angle) {

    /** Margin factor around the face (MediaPipe {@code scale_x/scale_y} 1.5). */
    public static final double SCALE = 1.5;

    private static final int RIGHT_EYE_OUTER = 33;
    private static final int LEFT_EYE_OUTER = 263;

    /** An upright square around a detector's box (a first guess: the box carries no rotation). */
    public static Roi fromBox(FaceBox box) {
        return new Roi(
                box.x() + box.width() / 2.0,
                box.y() + box.height() / 2.0,
                SCALE * Math.max(box.width(), box.height()),
                0);
    }

    /** The square around a face mesh (468 points), rotated with the eye line. */
    public static Roi fromMesh(float[] mesh) {
        double angle = Math.atan2(
                mesh[2 * LEFT_EYE_OUTER + 1] - mesh[2 * RIGHT_EYE_OUTER + 1],
                mesh[2 * LEFT_EYE_OUTER] - mesh[2 * RIGHT_EYE_OUTER]);
        double cos = Math.cos(-angle);
        double sin = Math.sin(-angle);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < mesh.length; i += 2) { // bounding box in the face's upright frame
            double x = cos * mesh[i] - sin * mesh[i + 1];
            double y = sin * mesh[i] + cos * mesh[i + 1];
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        double ux = (minX + maxX) / 2;
        double uy = (minY + maxY) / 2;
        double cx = cos * ux + sin * uy; // back to image axes
        double cy = -sin * ux + cos * uy;
        return new Roi(cx, cy, SCALE * Math.max(maxX - minX, maxY - minY), angle);
    }

    /**
     * Whether this square is within 1 % of {@code other}'s size in centre and side, and within 1° in angle: a mesh
     * run in either gives practically the same points.
     */
    public boolean closeTo(Roi other) {
        double tol = 0.01 * Math.max(size, other.size);
        double turn = Math.abs(Math.IEEEremainder(angle - other.angle, 2 * Math.PI));
        return Math.hypot(cx - other.cx, cy - other.cy) <= tol
                && Math.abs(size - other.size) <= tol
                && turn <= Math.toRadians(1);
    }

    /**
     * The transform from image pixel centres to the pixel centres of an {@code n×n} model input showing this
     * square upright.
     */
    public Similarity toInput(int n) {
        double s = n / size;
        double a = s * Math.cos(-angle);
        double b = s * Math.sin(-angle);
        double c = (n - 1) / 2.0;
        return new Similarity(a, b, c - (a * cx - b * cy), c - (b * cx + a * cy));
    }
}
