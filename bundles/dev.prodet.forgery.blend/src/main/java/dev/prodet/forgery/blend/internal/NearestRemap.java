package dev.prodet.forgery.blend.internal;

/**
 * {@code cv2.remap(src, x + dx, y + dy, INTER_NEAREST, BORDER_REFLECT_101)} for a float plane: the position is
 * rounded half to even (OpenCV's {@code saturate_cast<short>}), out-of-range positions are mirrored.
 */
public final class NearestRemap {

    private NearestRemap() {}

    /** Samples {@code src} at {@code (x + dx, y + dy)} for every pixel. */
    public static float[] apply(float[] src, int w, int h, float[] dx, float[] dy) {
        if (src.length != w * h || dx.length != w * h || dy.length != w * h) {
            throw new IllegalArgumentException("plane and displacement fields must hold w*h = " + w * h
                    + " values, got: " + src.length + ", " + dx.length + ", " + dy.length);
        }
        float[] dst = new float[w * h];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int x = 0; x < w; x++) {
                // np.float32(x + dx): the float sum rounds the exact value once, as the float64 sum then cast does
                int sx = (int) Math.rint(x + dx[o + x]);
                int sy = (int) Math.rint(y + dy[o + x]);
                if (sx < 0 || sx >= w) {
                    sx = Border.REFLECT_101.index(sx, w);
                }
                if (sy < 0 || sy >= h) {
                    sy = Border.REFLECT_101.index(sy, h);
                }
                dst[o + x] = src[sy * w + sx];
            }
        }
        return dst;
    }
}
