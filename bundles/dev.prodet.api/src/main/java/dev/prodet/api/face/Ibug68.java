package dev.prodet.api.face;

/**
 * Regions of the iBUG 300-W 68-point landmark scheme (0-based indices, {@code from} inclusive, {@code to}
 * exclusive), the scheme dlib uses and the SBI/CBI masks are written against (docs/method.md §4.1).
 *
 * <p>"Right" and "left" are the subject's: {@link #RIGHT_EYE} (36..41) is on the left of a frontal image. dlib's
 * 81-point model keeps points 0..67 as here and adds 13 forehead points 68..80.
 */
public enum Ibug68 {
    /** Jaw line, ear to ear: 0..16. */
    JAW(0, 17),
    /** Subject's right eyebrow: 17..21. */
    RIGHT_EYEBROW(17, 22),
    /** Subject's left eyebrow: 22..26. */
    LEFT_EYEBROW(22, 27),
    /** Nose bridge, top to tip: 27..30. */
    NOSE_BRIDGE(27, 31),
    /** Lower nose (nostrils): 31..35. */
    NOSE_LOWER(31, 36),
    /** Whole nose: 27..35. */
    NOSE(27, 36),
    /** Subject's right eye: 36..41. */
    RIGHT_EYE(36, 42),
    /** Subject's left eye: 42..47. */
    LEFT_EYE(42, 48),
    /** Outer lip contour: 48..59. */
    OUTER_LIPS(48, 60),
    /** Inner lip contour: 60..67. */
    INNER_LIPS(60, 68),
    /** Whole mouth: 48..67. */
    MOUTH(48, 68);

    /** Number of points in the scheme. */
    public static final int POINTS = 68;

    private final int from;
    private final int to;

    Ibug68(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** First index of the region, inclusive. */
    public int from() {
        return from;
    }

    /** End index of the region, exclusive. */
    public int to() {
        return to;
    }

    /** Number of points in the region. */
    public int size() {
        return to - from;
    }
}
