package dev.prodet.api.face;

import java.util.Arrays;

/**
 * An immutable list of 2-D facial landmark points, stored as {@code [x0, y0, x1, y1, ...]} in pixel coordinates.
 *
 * <p>ProDet uses the iBUG 68-point order (see {@link Ibug68}); this class accepts any number of points so that
 * dlib's 81-point output or a subset can be carried too. Coordinates may lie outside the image (landmarks of a face
 * cut by the crop border) but must be finite.
 */
public final class Landmarks {

    private final float[] xy;

    /**
     * Creates landmarks from interleaved coordinates.
     *
     * @param xy {@code [x0, y0, x1, y1, ...]}; copied, even length, finite values
     */
    public Landmarks(float[] xy) {
        if (xy == null) {
            throw new IllegalArgumentException("Landmarks.xy must not be null");
        }
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Landmarks.xy must hold (x, y) pairs, so its length must be even, got: " + xy.length);
        }
        for (int i = 0; i < xy.length; i++) {
            if (!Float.isFinite(xy[i])) {
                throw new IllegalArgumentException("Landmarks.xy[" + i + "] (" + (i % 2 == 0 ? "x" : "y") + " of point "
                        + i / 2 + ") must be finite, got: " + xy[i]);
            }
        }
        this.xy = xy.clone();
    }

    /** Landmarks from interleaved coordinates, {@code of(x0, y0, x1, y1, ...)}. */
    public static Landmarks of(float... xy) {
        return new Landmarks(xy);
    }

    /** Number of points. */
    public int count() {
        return xy.length / 2;
    }

    /** Whether these landmarks follow a scheme with at least the 68 iBUG points (68 or dlib's 81). */
    public boolean hasIbug68() {
        return count() >= Ibug68.POINTS;
    }

    /** x coordinate of point {@code i}. */
    public float x(int i) {
        return xy[2 * checkIndex(i)];
    }

    /** y coordinate of point {@code i}. */
    public float y(int i) {
        return xy[2 * checkIndex(i) + 1];
    }

    /**
     * The points {@code from} (inclusive) to {@code to} (exclusive), e.g. {@code subset(0, 68)} drops dlib's
     * forehead points as SBI does with probability 0.25.
     */
    public Landmarks subset(int from, int to) {
        if (from < 0 || to > count() || from > to) {
            throw new IllegalArgumentException("Landmarks.subset range [" + from + ", " + to
                    + ") must satisfy 0 <= from <= to <= count (" + count() + ")");
        }
        return new Landmarks(Arrays.copyOfRange(xy, 2 * from, 2 * to));
    }

    /** The points of one iBUG 68 region; fails when these landmarks do not follow the 68-point scheme. */
    public Landmarks region(Ibug68 region) {
        if (!hasIbug68()) {
            throw new IllegalArgumentException("Landmarks has " + count() + " points; region " + region
                    + " needs the iBUG 68-point scheme (at least " + Ibug68.POINTS + " points)");
        }
        return subset(region.from(), region.to());
    }

    /** A copy of the interleaved coordinates. */
    public float[] toArray() {
        return xy.clone();
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= count()) {
            throw new IndexOutOfBoundsException("landmark index " + i + " outside [0, " + count() + ")");
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Landmarks other && Arrays.equals(xy, other.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "Landmarks[" + count() + " points]";
    }
}
