package dev.prodet.face;

import dev.prodet.api.face.Ibug68;
import dev.prodet.api.face.Landmarks;

/**
 * Order of the landmarks a {@link FacePreprocessor} returns: points 0..67 are the iBUG 300-W 68-point scheme (the
 * one the SBI/CBI masks and DeepfakeBench use, see {@link Ibug68}); points 68..103 are the 36 points of the face
 * oval, a closed contour that runs from the top of the forehead clockwise in the image (over the subject's left
 * temple, down the jaw, back up over the right temple). The oval reaches above the eyebrows, as dlib's 81-point
 * forehead points do, so the convex hull of all points covers the forehead; {@code subset(0, 68)} keeps only the
 * iBUG points.
 */
public final class FaceLandmarkLayout {

    /** Number of iBUG points, which come first. */
    public static final int IBUG_POINTS = Ibug68.POINTS;
    /** Index of the first face-oval point. */
    public static final int FACE_OVAL_FROM = IBUG_POINTS;
    /** Number of face-oval points. */
    public static final int FACE_OVAL_POINTS = 36;
    /** Total number of points. */
    public static final int POINTS = IBUG_POINTS + FACE_OVAL_POINTS;

    private FaceLandmarkLayout() {}

    /** The 68 iBUG points of landmarks in this layout. */
    public static Landmarks ibug68(Landmarks landmarks) {
        check(landmarks);
        return landmarks.subset(0, IBUG_POINTS);
    }

    /** The face-oval contour (36 points, clockwise from the top of the forehead). */
    public static Landmarks faceOval(Landmarks landmarks) {
        check(landmarks);
        return landmarks.subset(FACE_OVAL_FROM, POINTS);
    }

    /** Centre {x, y} of the subject's right eye (mean of iBUG points 36..41; on the left of a frontal image). */
    public static float[] rightEyeCentre(Landmarks landmarks) {
        return mean(landmarks, Ibug68.RIGHT_EYE);
    }

    /** Centre {x, y} of the subject's left eye (mean of iBUG points 42..47). */
    public static float[] leftEyeCentre(Landmarks landmarks) {
        return mean(landmarks, Ibug68.LEFT_EYE);
    }

    private static float[] mean(Landmarks landmarks, Ibug68 region) {
        if (!landmarks.hasIbug68()) {
            throw new IllegalArgumentException(
                    "landmarks have " + landmarks.count() + " points; the eye centres need the iBUG 68-point scheme");
        }
        float x = 0;
        float y = 0;
        for (int i = region.from(); i < region.to(); i++) {
            x += landmarks.x(i);
            y += landmarks.y(i);
        }
        return new float[] {x / region.size(), y / region.size()};
    }

    private static void check(Landmarks landmarks) {
        if (landmarks.count() != POINTS) {
            throw new IllegalArgumentException("landmarks have " + landmarks.count() + " points; this layout has "
                    + POINTS + " (68 iBUG + 36 face oval)");
        }
    }
}
