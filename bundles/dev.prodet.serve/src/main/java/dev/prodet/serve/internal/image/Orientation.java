package dev.prodet.serve.internal.image;

import dev.prodet.api.face.RgbImage;

/**
 * The eight EXIF orientations (TIFF tag 0x0112): how the stored pixels must be turned to be seen upright. Phones
 * store a portrait photo sideways with orientation 6 or 8; scoring it unturned would show the face detector a face
 * lying on its side.
 */
public final class Orientation {
    /** Stored upright. */
    public static final int NORMAL = 1;

    private Orientation() {}

    /** Whether the value is one of the eight orientations. */
    public static boolean valid(int o) {
        return o >= 1 && o <= 8;
    }

    /** Whether the orientation swaps width and height (5 to 8). */
    public static boolean transposes(int o) {
        return o >= 5 && o <= 8;
    }

    /** The image as it is meant to be seen. */
    public static RgbImage apply(RgbImage img, int orientation) {
        if (!valid(orientation) || orientation == NORMAL) {
            return img;
        }
        int w = img.width();
        int h = img.height();
        boolean t = transposes(orientation);
        int ow = t ? h : w;
        int oh = t ? w : h;
        byte[] src = img.rgb();
        byte[] out = new byte[src.length];
        for (int y = 0, o = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++, o += 3) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = w - 1 - x;
                        sy = y;
                    }
                    case 3 -> {
                        sx = w - 1 - x;
                        sy = h - 1 - y;
                    }
                    case 4 -> {
                        sx = x;
                        sy = h - 1 - y;
                    }
                    case 5 -> {
                        sx = y;
                        sy = x;
                    }
                    case 6 -> {
                        sx = y;
                        sy = h - 1 - x;
                    }
                    case 7 -> {
                        sx = w - 1 - y;
                        sy = h - 1 - x;
                    }
                    default -> {
                        sx = w - 1 - y;
                        sy = x;
                    } // 8
                }
                int s = (sy * w + sx) * 3;
                out[o] = src[s];
                out[o + 1] = src[s + 1];
                out[o + 2] = src[s + 2];
            }
        }
        return new RgbImage(ow, oh, out);
    }
}
