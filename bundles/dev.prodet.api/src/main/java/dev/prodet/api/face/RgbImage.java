package dev.prodet.api.face;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An 8-bit RGB image, pixels interleaved in height-width-channel order ({@code rgb[(y*width + x)*3 + c]}, c = 0 red,
 * 1 green, 2 blue).
 *
 * <p>Immutable: the constructor copies the array and {@link #rgb()} returns a copy. Hot paths that only read the
 * pixels should use {@link #rgbBuffer()}, a read-only view that copies nothing.
 *
 * @param width width in pixels, &gt; 0
 * @param height height in pixels, &gt; 0
 * @param rgb pixels, length {@code width * height * 3}
 */
public record RgbImage(int width, int height, byte[] rgb) {

    /** Number of channels, always 3 (RGB). */
    public static final int CHANNELS = 3;

    /** Validates the size and copies the pixels. */
    public RgbImage {
        if (width <= 0) {
            throw new IllegalArgumentException("RgbImage.width must be > 0, got: " + width);
        }
        if (height <= 0) {
            throw new IllegalArgumentException("RgbImage.height must be > 0, got: " + height);
        }
        if (rgb == null) {
            throw new IllegalArgumentException("RgbImage.rgb must not be null");
        }
        long expected = (long) width * height * CHANNELS;
        if (rgb.length != expected) {
            throw new IllegalArgumentException("RgbImage.rgb must hold width*height*3 = " + width + "*" + height
                    + "*3 = " + expected + " bytes, got: " + rgb.length);
        }
        rgb = rgb.clone();
    }

    /** A copy of the pixels (HWC, RGB). */
    @Override
    public byte[] rgb() {
        return rgb.clone();
    }

    /** A read-only view of the pixels (HWC, RGB) that shares the image's storage. */
    public ByteBuffer rgbBuffer() {
        return ByteBuffer.wrap(rgb).asReadOnlyBuffer();
    }

    /** One channel value of one pixel, as an unsigned value in [0, 255]. */
    public int get(int x, int y, int channel) {
        if (x < 0 || x >= width || y < 0 || y >= height || channel < 0 || channel >= CHANNELS) {
            throw new IndexOutOfBoundsException(
                    "pixel (" + x + ", " + y + ", c=" + channel + ") outside a " + width + "x" + height + "x3 image");
        }
        return rgb[(y * width + x) * CHANNELS + channel] & 0xff;
    }

    /** Number of pixels, {@code width * height}. */
    public int pixelCount() {
        return width * height;
    }

    // Records compare arrays by identity; images are values, so compare the pixels.
    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other
                && width == other.width
                && height == other.height
                && Arrays.equals(rgb, other.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
