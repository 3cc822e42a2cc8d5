package dev.prodet.forgery.blend.internal;

/** How a filter or remap reads outside the image; names as in OpenCV. */
public enum Border {
    /** {@code dcb|abcd|cba}: OpenCV's default (BORDER_REFLECT_101). */
    REFLECT_101,
    /** {@code cba|abcd|dcb}: SciPy's default 'reflect' (OpenCV BORDER_REFLECT). */
    REFLECT;

    /** Maps a possibly out-of-range index into {@code [0, n)}. */
    public int index(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        if (n == 1) {
            return 0;
        }
        // mirror with period 2n (REFLECT) or 2n-2 (REFLECT_101), then fold
        if (this == REFLECT) {
            int period = 2 * n;
            int m = Math.floorMod(i, period);
            return m < n ? m : period - 1 - m;
        }
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
