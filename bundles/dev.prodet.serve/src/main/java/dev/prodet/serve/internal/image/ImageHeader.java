package dev.prodet.serve.internal.image;

import dev.prodet.serve.internal.api.ApiException;

/**
 * Format and declared size of an encoded image, read from the first bytes without decoding: the PNG {@code IHDR}
 * chunk, or the JPEG frame header ({@code SOFn}) found by walking the marker segments.
 *
 * @param format JPEG or PNG
 * @param width declared width in pixels
 * @param height declared height in pixels
 */
public record ImageHeader(Format format, long width, long height) {

    /** The accepted formats. */
    public enum Format {
        /** JPEG (JFIF, Exif). */
        JPEG,
        /** PNG. */
        PNG
    }

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /**
     * Reads the header.
     *
     * @throws ApiException 400 when the bytes are empty, not JPEG or PNG, or the header is cut or corrupt
     */
    public static ImageHeader read(byte[] b) throws ApiException {
        if (b.length == 0) {
            throw ApiException.badRequest("empty-body", "the request body is empty; send a JPEG or PNG image");
        }
        if (startsWith(b, PNG_MAGIC)) {
            return png(b);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return jpeg(b);
        }
        throw ApiException.badRequest(
                "not-an-image", "the body is not a JPEG or PNG image (it starts with " + hex(b, 8) + ")");
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

    private static ImageHeader png(byte[] b) throws ApiException {
        if (b.length < 8 + 8 + 13 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw ApiException.badRequest("corrupt-image", "the PNG has no IHDR chunk after its signature");
        }
        return new ImageHeader(Format.PNG, u32(b, 16), u32(b, 20));
    }

    private static ImageHeader jpeg(byte[] b) throws ApiException {
        int i = 2;
        while (i < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                throw ApiException.badRequest(
                        "corrupt-image", "the JPEG has no marker at byte " + i + " where one must start");
            }
            while (i < b.length && (b[i] & 0xff) == 0xff) {
                i++; // fill bytes
            }
            if (i >= b.length) {
                break;
            }
            int marker = b[i++] & 0xff;
            if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd8) {
                continue; // no length field
            }
            if (marker == 0xd9 || marker == 0xda) {
                throw ApiException.badRequest(
                        "corrupt-image",
                        "the JPEG reaches its " + (marker == 0xd9 ? "end" : "image data")
                                + " before any frame header (SOF)");
            }
            if (i + 2 > b.length) {
                break;
            }
            int len = u16(b, i);
            if (len < 2) {
                throw ApiException.badRequest(
                        "corrupt-image", "the JPEG has a segment of length " + len + " at byte " + i);
            }
            if (isFrameHeader(marker)) {
                if (i + 7 > b.length) {
                    break;
                }
                int height = u16(b, i + 3);
                if (height == 0) {
                    throw ApiException.badRequest(
                            "unsupported-image", "the JPEG leaves its height to a DNL marker, which is not supported");
                }
                return new ImageHeader(Format.JPEG, u16(b, i + 5), height);
            }
            i += len;
        }
        throw ApiException.badRequest(
                "truncated-image", "the JPEG ends (" + b.length + " bytes) before its frame header");
    }

    private static boolean isFrameHeader(int m) {
        return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
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

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
