package dev.prodet.forgery.blend.internal;

/**
 * The albumentations 1.1.0 photometric operations on 8-bit RGB (HWC) as lookup tables or small filters, with the
 * exact rounding of docs/method.md §4.4: float lookup tables truncated to uint8, filter outputs rounded and saturated.
 * Every method returns a new array.
 */
public final class PixelOps {

    private PixelOps() {}

    /** RGBShift: {@code v -> uint8(clip(v + shift, 0, 255))} per channel. */
    public static byte[] rgbShift(byte[] rgb, double r, double g, double b) {
        byte[][] luts = {shiftLut(r), shiftLut(g), shiftLut(b)};
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            out[i] = luts[0][rgb[i] & 0xff];
            out[i + 1] = luts[1][rgb[i + 1] & 0xff];
            out[i + 2] = luts[2][rgb[i + 2] & 0xff];
        }
        return out;
    }

    private static byte[] shiftLut(double shift) {
        byte[] lut = new byte[256];
        float s = (float) shift;
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) (int) clip(v + s);
        }
        return lut;
    }

    /**
     * HueSaturationValue: RGB to OpenCV HSV, shift each channel through a truncating lookup table (hue modulo 180),
     * back to RGB. A shift of exactly 0 leaves that channel's table out; all three 0 returns a copy.
     */
    public static byte[] hsvShift(byte[] rgb, double hue, double sat, double val) {
        if (hue == 0 && sat == 0 && val == 0) {
            return rgb.clone();
        }
        int[] hLut = new int[256];
        int[] sLut = new int[256];
        int[] vLut = new int[256];
        for (int v = 0; v < 256; v++) {
            hLut[v] = hue == 0 ? v : (int) floorMod180(v + hue) & 0xff;
            // int16 table + Python float: float64 arithmetic, then truncation
            sLut[v] = sat == 0 ? v : (int) Math.max(0, Math.min(255, v + sat));
            vLut[v] = val == 0 ? v : (int) Math.max(0, Math.min(255, v + val));
        }
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            int hsv = Hsv8.toHsv(rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff);
            int back = Hsv8.toRgb(hLut[hsv >>> 16], sLut[(hsv >>> 8) & 0xff], vLut[hsv & 0xff]);
            out[i] = (byte) (back >>> 16);
            out[i + 1] = (byte) (back >>> 8);
            out[i + 2] = (byte) back;
        }
        return out;
    }

    // np.mod(int16 + float, 180) then astype(uint8): a non-negative float below 180, truncated
    private static double floorMod180(double v) {
        double m = v - 180 * Math.floor(v / 180);
        return Math.floor(m);
    }

    /** RandomBrightnessContrast (brightness by max): {@code v -> uint8(clip(alpha * v + 255 * beta, 0, 255))}. */
    public static byte[] brightnessContrast(byte[] rgb, double alpha, double beta) {
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            float l = v;
            if (alpha != 1) {
                l *= (float) alpha;
            }
            if (beta != 0) {
                l += (float) (beta * 255);
            }
            lut[v] = (byte) (int) clip(l);
        }
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = lut[rgb[i] & 0xff];
        }
        return out;
    }

    /**
     * Sharpen: 3×3 kernel {@code (1 - a) * identity + a * [[-1,-1,-1],[-1,8+l,-1],[-1,-1,-1]]} applied like
     * {@code cv2.filter2D} (reflect-101 border, result rounded and saturated).
     */
    public static byte[] sharpen(byte[] rgb, int w, int h, double alpha, double lightness) {
        float side = (float) -alpha;
        float centre = (float) ((1 - alpha) + alpha * (8 + lightness));
        int[] left = new int[w];
        int[] right = new int[w];
        for (int x = 0; x < w; x++) {
            left[x] = Border.REFLECT_101.index(x - 1, w) * 3;
            right[x] = Border.REFLECT_101.index(x + 1, w) * 3;
        }
        byte[] out = new byte[rgb.length];
        for (int y = 0; y < h; y++) {
            int up = Border.REFLECT_101.index(y - 1, h) * w * 3;
            int mid = y * w * 3;
            int down = Border.REFLECT_101.index(y + 1, h) * w * 3;
            for (int x = 0; x < w; x++) {
                int xm = left[x];
                int x0 = x * 3;
                int xp = right[x];
                for (int c = 0; c < 3; c++) {
                    int ring = (rgb[up + xm + c] & 0xff)
                            + (rgb[up + x0 + c] & 0xff)
                            + (rgb[up + xp + c] & 0xff)
                            + (rgb[mid + xm + c] & 0xff)
                            + (rgb[mid + xp + c] & 0xff)
                            + (rgb[down + xm + c] & 0xff)
                            + (rgb[down + x0 + c] & 0xff)
                            + (rgb[down + xp + c] & 0xff);
                    float v = centre * (rgb[mid + x0 + c] & 0xff) + side * ring;
                    int i = (int) Math.rint(v);
                    out[mid + x0 + c] = (byte) (i < 0 ? 0 : Math.min(i, 255));
                }
            }
        }
        return out;
    }

    /**
     * SBI's RandomDownScale: nearest resize to {@code (int) (w / ratio) x (int) (h / ratio)}, then bilinear back to
     * {@code w x h}.
     */
    public static byte[] downUpScale(byte[] rgb, int w, int h, int ratio) {
        int dw = Math.max(1, (int) (w / (double) ratio));
        int dh = Math.max(1, (int) (h / (double) ratio));
        byte[] small = Resize.nearestRgb(rgb, w, h, dw, dh);
        return Resize.linearRgb(small, dw, dh, w, h);
    }

    private static float clip(float v) {
        return v < 0 ? 0 : Math.min(v, 255f);
    }
}
