package dev.prodet.forgery.blend.internal;

/**
 * OpenCV's 8-bit {@code COLOR_RGB2HSV} / {@code COLOR_HSV2RGB} (hue in 0..179), reproduced to the integer: the
 * forward conversion uses OpenCV's 12-bit fixed-point division tables, the inverse its float sector formula with
 * the vectorised path's truncation to 8 bits.
 */
public final class Hsv8 {

    private static final int SHIFT = 12;
    private static final int[] SDIV = new int[256];
    private static final int[] HDIV = new int[256];

    static {
        for (int i = 1; i < 256; i++) {
            SDIV[i] = (int) Math.rint((255 << SHIFT) / (1.0 * i));
            HDIV[i] = (int) Math.rint((180 << SHIFT) / (6.0 * i));
        }
    }

    // OpenCV's sector table: per hue sector, the {b, g, r} indices into {t0, t1, t2, t3}
    private static final int[][] SECTOR_BGR = {{1, 3, 0}, {1, 0, 2}, {3, 0, 1}, {0, 2, 1}, {0, 1, 3}, {2, 1, 0}};

    private Hsv8() {}

    /** Converts one RGB pixel; returns {@code h << 16 | s << 8 | v}. */
    public static int toHsv(int r, int g, int b) {
        int v = Math.max(b, Math.max(g, r));
        int vmin = Math.min(b, Math.min(g, r));
        int diff = v - vmin;
        int vr = v == r ? -1 : 0;
        int vg = v == g ? -1 : 0;
        int s = (diff * SDIV[v] + (1 << (SHIFT - 1))) >> SHIFT;
        int h = (vr & (g - b)) + (~vr & ((vg & (b - r + 2 * diff)) + (~vg & (r - g + 4 * diff))));
        h = (h * HDIV[diff] + (1 << (SHIFT - 1))) >> SHIFT;
        h += h < 0 ? 180 : 0;
        return Math.min(h, 255) << 16 | s << 8 | v;
    }

    /** Converts one HSV pixel (h in 0..255, read modulo 180 as OpenCV does); returns {@code r << 16 | g << 8 | b}. */
    public static int toRgb(int h8, int s8, int v8) {
        float s = s8 * (1f / 255f);
        float v = v8 * (1f / 255f);
        float r;
        float g;
        float b;
        if (s == 0) {
            r = g = b = v;
        } else {
            float h = h8 * (6f / 180f);
            // OpenCV: fmod(h, 6) and floor; for 8-bit hue h < 8.5, so one subtraction is the exact fmod
            if (h >= 6f) {
                h -= 6f;
            }
            int sector = (int) h;
            h -= sector;
            float t0 = v;
            float t1 = v * (1f - s);
            float t2 = v * (1f - s * h);
            float t3 = v * (1f - s * (1f - h));
            int[] bgr = SECTOR_BGR[sector];
            b = pick(bgr[0], t0, t1, t2, t3);
            g = pick(bgr[1], t0, t1, t2, t3);
            r = pick(bgr[2], t0, t1, t2, t3);
        }
        return sat(r * 255f) << 16 | sat(g * 255f) << 8 | sat(b * 255f);
    }

    private static float pick(int i, float t0, float t1, float t2, float t3) {
        return i == 0 ? t0 : i == 1 ? t1 : i == 2 ? t2 : t3;
    }

    // OpenCV's vectorised path truncates (v_trunc); only its scalar tail rounds
    private static int sat(float v) {
        int i = (int) v;
        return i < 0 ? 0 : Math.min(i, 255);
    }
}
