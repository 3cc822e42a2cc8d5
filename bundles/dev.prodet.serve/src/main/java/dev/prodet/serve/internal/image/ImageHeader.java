package dev.prodet.serve.internal.image;

import dev.prodet.api.serve.ApiException;

/**
 * What an encoded image declares, read from its bytes without decoding: format, size, samples per pixel and their
 * depth (which give the decoded size in bytes), EXIF orientation, and for JPEG whether it is progressive and how
 * many scans it has.
 *
 * @param format JPEG or PNG
 * @param width declared width in pixels
 * @param height declared height in pixels
 * @param channels samples per pixel, alpha included (JPEG: components)
 * @param bitDepth bits per sample (8 or 16; PNG also 1, 2, 4)
 * @param progressive a progressive JPEG, which the decoder holds whole as coefficients while it reads the scans
 * @param scans start-of-scan markers (JPEG), 1 for PNG
 * @param orientation EXIF orientation, 1 to 8
 */
public record ImageHeader(
        Format format,
        long width,
        long height,
        int channels,
        int bitDepth,
        boolean progressive,
        int scans,
        int orientation) {

    /** The accepted formats. */
    public enum Format {
        /** JPEG (JFIF, Exif). */
        JPEG,
        /** PNG. */
        PNG
    }

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Whether the bytes start like a JPEG or a PNG. */
    public static boolean isImage(byte[] b) {
        return startsWith(b, PNG_MAGIC) || isJpeg(b);
    }

    /**
     * Reads the header.
     *
     * @param maxJpegScans a JPEG with more scans is refused while counting, before any decoding
     * @throws ApiException 400 when the bytes are empty, not JPEG or PNG, or the header is cut or corrupt
     */
    public static ImageHeader read(byte[] b, int maxJpegScans) throws ApiException {
        if (b.length == 0) {
            throw ApiException.badRequest(
                    "empty-body", "the request body is empty; send a JPEG or PNG image, or an MP4 or WebM video");
        }
        if (startsWith(b, PNG_MAGIC)) {
            return png(b);
        }
        if (isJpeg(b)) {
            return JpegHeader.read(b, maxJpegScans);
        }
        throw ApiException.badRequest(
                "not-an-image",
                "the body is not a JPEG or PNG image, nor an MP4 or WebM video (it starts with " + hex(b, 8) + ")");
    }

    /**
     * Checks the declared size against the limits.
     *
     * @throws ApiException 400 for an empty size, 413 for too many pixels
     */
    public void check(ImageLimits limits) throws ApiException {
        if (width < 1 || height < 1) {
            throw ApiException.badRequest(
                    "empty-image", "the " + format + " declares " + width + "x" + height + " pixels");
        }
        if (width > limits.maxSide() || height > limits.maxSide() || width * height > limits.maxPixels()) {
            throw new ApiException(
                    413,
                    "image-too-large",
                    "the " + format + " declares " + width + "x" + height
                            + " pixels; the limit is " + limits.maxSide() + " pixels per side and " + limits.maxPixels()
                            + " pixels in all");
        }
    }

    /**
     * Bytes that decoding holds at subsampling {@code k}: the decoded raster (samples of this depth), the RGB copy
     * and its upright turn, rows at full width, and for a progressive JPEG the coefficients of the whole image.
     */
    public long decodedBytes(int k) {
        long w = ImageLimits.ceilDiv(width, k);
        long h = ImageLimits.ceilDiv(height, k);
        long bytesPerSample = bitDepth > 8 ? 2 : 1;
        long raster = w * h * channels * bytesPerSample;
        long rgb = w * h * 3 * (orientation == Orientation.NORMAL ? 1 : 2);
        long rows = 4 * width * channels * bytesPerSample;
        long coefficients = progressive ? width * height * channels * 2 : 0;
        return raster + rgb + rows + coefficients;
    }

    private static ImageHeader png(byte[] b) throws ApiException {
        if (b.length < 8 + 8 + 13 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw ApiException.badRequest("corrupt-image", "the PNG has no IHDR chunk after its signature");
        }
        int depth = b[24] & 0xff;
        int channels =
                switch (b[25] & 0xff) {
                    case 0, 3 -> 1; // grey, palette
                    case 2 -> 3;
                    case 4 -> 2; // grey + alpha
                    case 6 -> 4;
                    default ->
                        throw ApiException.badRequest(
                                "corrupt-image",
                                "the PNG declares colour type " + (b[25] & 0xff) + ", which PNG has not");
                };
        return new ImageHeader(Format.PNG, u32(b, 16), u32(b, 20), channels, depth, false, 1, pngOrientation(b));
    }

    // the eXIf chunk, wherever it is: chunks are walked by their lengths, no data is inflated
    private static int pngOrientation(byte[] b) {
        long at = 8;
        while (at + 8 <= b.length) {
            long len = u32(b, (int) at);
            int type = (int) at + 4;
            if (b[type] == 'e' && b[type + 1] == 'X' && b[type + 2] == 'I' && b[type + 3] == 'f') {
                return Exif.orientation(b, type + 4, (int) Math.min(len, b.length - type - 4L));
            }
            if (b[type] == 'I' && b[type + 1] == 'E' && b[type + 2] == 'N' && b[type + 3] == 'D') {
                break;
            }
            at += 12 + len;
        }
        return Orientation.NORMAL;
    }

    private static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
