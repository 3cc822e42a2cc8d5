package dev.prodet.forgery.blend.internal;

import dev.prodet.api.face.RgbImage;

/** The argument checks of the two-image pixel operations (blend, colour transfer), with messages that name them. */
public final class PixelChecks {
    private PixelChecks() {}

    /** Throws unless {@code a} and {@code b} have one size. */
    public static void sameSize(String op, String nameA, RgbImage a, String nameB, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException(
                    op + " needs equal sizes, got " + nameA + " " + a + " and " + nameB + " " + b);
        }
    }

    /** Throws unless the RGB (HWC) arrays {@code a} and {@code b} have one length and {@code perPixel} a value a pixel. */
    public static void rgbPair(String op, String names, byte[] a, byte[] b, String perPixelName, float[] perPixel) {
        if (a.length != b.length || perPixel.length * 3 != b.length) {
            throw new IllegalArgumentException(op + " needs " + names + " (" + a.length + ", " + b.length
                    + " bytes) and " + perPixelName + " per pixel (" + perPixel.length + ")");
        }
    }
}
