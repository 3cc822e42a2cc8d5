package dev.prodet.serve.internal.image;

/**
 * Reads the orientation from EXIF data (a TIFF header and its first IFD), as found in a JPEG APP1 segment after
 * {@code Exif\0\0} or in a PNG {@code eXIf} chunk. Malformed EXIF is ignored (orientation 1): it says nothing
 * trustworthy about the pixels, which decode regardless.
 */
final class Exif {
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;

    private Exif() {}

    /** The orientation (1 to 8) in {@code b[from, from + length)}, or 1 when absent or malformed. */
    static int orientation(byte[] b, int from, int length) {
        int end = Math.min(b.length, from + length);
        int t = from;
        if (end - t >= 6 && b[t] == 'E' && b[t + 1] == 'x' && b[t + 2] == 'i' && b[t + 3] == 'f') {
            t += 6; // "Exif\0\0"
        }
        if (end - t < 8) {
            return Orientation.NORMAL;
        }
        boolean little;
        if (b[t] == 'I' && b[t + 1] == 'I') {
            little = true;
        } else if (b[t] == 'M' && b[t + 1] == 'M') {
            little = false;
        } else {
            return Orientation.NORMAL;
        }
        if (u16(b, t + 2, little) != 42) {
            return Orientation.NORMAL;
        }
        long ifd = u32(b, t + 4, little);
        if (ifd < 8 || t + ifd + 2 > end) {
            return Orientation.NORMAL;
        }
        int at = (int) (t + ifd);
        int entries = u16(b, at, little);
        for (int i = 0; i < entries; i++) {
            int e = at + 2 + 12 * i;
            if (e + 12 > end) {
                break;
            }
            if (u16(b, e, little) == ORIENTATION_TAG && u16(b, e + 2, little) == SHORT) {
                int o = u16(b, e + 8, little);
                return Orientation.valid(o) ? o : Orientation.NORMAL;
            }
        }
        return Orientation.NORMAL;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xff;
        int y = b[at + 1] & 0xff;
        return little ? y << 8 | x : x << 8 | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, little ? at + 2 : at, little);
        long lo = u16(b, little ? at : at + 2, little);
        return hi << 16 | lo;
    }
}
