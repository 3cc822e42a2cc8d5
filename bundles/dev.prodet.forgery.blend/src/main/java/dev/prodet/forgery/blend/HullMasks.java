package dev.prodet.forgery.blend;

import dev.prodet.api.face.Ibug68;
import dev.prodet.api.face.Landmarks;
import dev.prodet.forgery.blend.internal.ConvexPolygons;
import java.util.random.RandomGenerator;

/**
 * Binary face masks from iBUG-68 landmarks (or dlib's 81), as DeepfakeBench's {@code random_get_hull}: landmark
 * coordinates are truncated to integers, every part is the filled convex hull of its points, and the mask is the
 * union of the parts (value 1, else 0).
 */
public final class HullMasks {

    /** Probability that SBI/CBI drop dlib's 13 forehead points before building a mask (docs/method.md §4.1 step 1). */
    public static final double DROP_FOREHEAD_P = 0.25;

    private HullMasks() {}

    /**
     * Step 1 of SBI/CBI: with probability {@link #DROP_FOREHEAD_P} keep only the first 68 points. The coin is tossed
     * for 68-point input too (where dropping changes nothing), so the random stream does not depend on the scheme.
     */
    public static Landmarks maybeDropForehead(Landmarks landmarks, RandomGenerator rng) {
        requireIbug68(landmarks);
        boolean drop = rng.nextDouble() < DROP_FOREHEAD_P;
        return drop && landmarks.count() > Ibug68.POINTS ? landmarks.subset(0, Ibug68.POINTS) : landmarks;
    }

    /**
     * Builds one mask.
     *
     * @param type the hull type
     * @param landmarks at least the 68 iBUG points, in pixel coordinates of a {@code width x height} image
     * @return row-major mask of {@code width * height} values in {0, 1}
     */
    public static float[] build(HullType type, Landmarks landmarks, int width, int height) {
        requireIbug68(landmarks);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be > 0, got: " + width + "x" + height);
        }
        int[] p = truncated(landmarks);
        float[] mask = new float[width * height];
        switch (type) {
            case DFL_FULL -> {
                fill(mask, width, height, p, range(0, 17), range(48, 68), idx(0, 8, 16));
                fill(mask, width, height, p, range(27, 31), idx(33));
                fill(mask, width, height, p, range(17, 27), idx(0, 27, 16, 33));
            }
            case EXTENDED -> components(mask, width, height, extendEyebrows(p));
            case COMPONENTS -> components(mask, width, height, p);
            // OpenCV drops LINE_AA when filling a float image, so 'facehull' is binary too (docs/method.md §9.1)
            case FACEHULL -> fill(mask, width, height, p, range(0, landmarks.count()));
            default -> throw new IllegalStateException("unknown hull type " + type);
        }
        return mask;
    }

    private static void components(float[] mask, int w, int h, int[] p) {
        fill(mask, w, h, p, range(0, 9), idx(17)); // right jaw
        fill(mask, w, h, p, range(8, 17), idx(26)); // left jaw
        fill(mask, w, h, p, range(17, 20), idx(8)); // right cheek
        fill(mask, w, h, p, range(24, 27), idx(8)); // left cheek
        fill(mask, w, h, p, range(19, 25), idx(8)); // nose ridge
        fill(mask, w, h, p, range(17, 22), idx(27), range(31, 36), idx(8)); // right eye
        fill(mask, w, h, p, range(22, 27), idx(27), range(31, 36), idx(8)); // left eye
        fill(mask, w, h, p, range(27, 31), range(31, 36)); // nose
    }

    /** The {@code extended} mask's eyebrows: moved away from the eyes by half their distance (integer floor division). */
    static int[] extendEyebrows(int[] p) {
        int[] q = p.clone();
        int[] ml = mid(p, 36, 0);
        int[] mr = mid(p, 16, 45);
        int[] ql = {Math.floorDiv(x(p, 36) + ml[0], 2), Math.floorDiv(y(p, 36) + ml[1], 2)};
        int[] qr = {Math.floorDiv(x(p, 45) + mr[0], 2), Math.floorDiv(y(p, 45) + mr[1], 2)};
        int[][] botL = {ql, pt(p, 36), pt(p, 37), pt(p, 38), pt(p, 39)};
        int[][] botR = {pt(p, 42), pt(p, 43), pt(p, 44), pt(p, 45), qr};
        for (int i = 0; i < 5; i++) {
            shift(q, p, 17 + i, botL[i]);
            shift(q, p, 22 + i, botR[i]);
        }
        return q;
    }

    /**
     * The landmark points the {@code extended} mask uses (eyebrows moved up), interleaved integers; with the other
     * landmarks they bound every mask this class builds.
     */
    public static int[] extendedPoints(Landmarks landmarks) {
        requireIbug68(landmarks);
        return extendEyebrows(truncated(landmarks));
    }

    private static void shift(int[] q, int[] p, int i, int[] bottom) {
        q[2 * i] = x(p, i) + Math.floorDiv(x(p, i) - bottom[0], 2);
        q[2 * i + 1] = y(p, i) + Math.floorDiv(y(p, i) - bottom[1], 2);
    }

    private static int[] mid(int[] p, int a, int b) {
        return new int[] {Math.floorDiv(x(p, a) + x(p, b), 2), Math.floorDiv(y(p, a) + y(p, b), 2)};
    }

    private static int x(int[] p, int i) {
        return p[2 * i];
    }

    private static int y(int[] p, int i) {
        return p[2 * i + 1];
    }

    private static int[] pt(int[] p, int i) {
        return new int[] {x(p, i), y(p, i)};
    }

    private static void fill(float[] mask, int w, int h, int[] p, int[]... groups) {
        int n = 0;
        for (int[] g : groups) {
            n += g.length;
        }
        int[] xy = new int[2 * n];
        int k = 0;
        for (int[] g : groups) {
            for (int i : g) {
                xy[k++] = p[2 * i];
                xy[k++] = p[2 * i + 1];
            }
        }
        ConvexPolygons.fill(mask, w, h, ConvexPolygons.hull(xy), 1f);
    }

    // landmark.astype('int32'): truncation toward zero
    private static int[] truncated(Landmarks landmarks) {
        float[] xy = landmarks.toArray();
        int[] p = new int[xy.length];
        for (int i = 0; i < xy.length; i++) {
            p[i] = (int) xy[i];
        }
        return p;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static int[] idx(int... i) {
        return i;
    }

    static void requireIbug68(Landmarks landmarks) {
        if (landmarks == null) {
            throw new IllegalArgumentException("landmarks must not be null");
        }
        if (!landmarks.hasIbug68()) {
            throw new IllegalArgumentException(
                    "face masks need the 68 iBUG landmarks (or dlib's 81), got " + landmarks.count() + " points");
        }
    }
}
