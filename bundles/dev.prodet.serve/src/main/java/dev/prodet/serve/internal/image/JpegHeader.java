package dev.prodet.serve.internal.image;

import dev.prodet.api.serve.ApiException;

/**
 * Walks a JPEG's marker segments to the end of the image: the frame header (size, components, baseline or
 * progressive), the EXIF orientation (APP1), and the number of scans. Entropy-coded data after each scan header is
 * skipped byte by byte to the next marker, so the whole file is looked at once, without decoding. The scan count is
 * bounded because every scan of a progressive JPEG is another pass over the whole image: a few kilobytes of tiny
 * scans would otherwise keep a decoder busy for minutes.
 */
final class JpegHeader {
    private static final int SOS = 0xda;
    private static final int EOI = 0xd9;
    private static final int APP1 = 0xe1;

    private JpegHeader() {}

    static ImageHeader read(byte[] b, int maxScans) throws ApiException {
        long width = -1;
        long height = -1;
        int components = 0;
        int precision = 8;
        boolean progressive = false;
        int orientation = Orientation.NORMAL;
        int scans = 0;
        int i = 2;
        while (i < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                throw corrupt("the JPEG has no marker at byte " + i + " where one must start");
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
            if (marker == EOI) {
                break;
            }
            if (i + 2 > b.length) {
                break;
            }
            int len = ImageHeader.u16(b, i);
            if (len < 2) {
                throw corrupt("the JPEG has a segment of length " + len + " at byte " + i);
            }
            if (isFrameHeader(marker) && width < 0) {
                if (i + 8 > b.length) {
                    break;
                }
                precision = b[i + 2] & 0xff;
                height = ImageHeader.u16(b, i + 3);
                width = ImageHeader.u16(b, i + 5);
                components = b[i + 7] & 0xff;
                progressive = marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce;
                if (height == 0) {
                    throw new ApiException(
                            400,
                            "unsupported-image",
                            "the JPEG leaves its height to a DNL marker, which is not supported");
                }
            } else if (marker == APP1 && orientation == Orientation.NORMAL) {
                orientation = Exif.orientation(b, i + 2, len - 2);
            } else if (marker == SOS) {
                if (width < 0) {
                    throw corrupt("the JPEG reaches its image data before any frame header (SOF)");
                }
                if (++scans > maxScans) {
                    throw new ApiException(
                            400,
                            "too-many-scans",
                            "the JPEG has more than " + maxScans + " scans; progressive JPEGs have about ten, and each"
                                    + " scan is another pass over the whole image");
                }
                i = skipEntropyData(b, i + len);
                continue;
            }
            i += len;
        }
        if (width < 0) {
            throw new ApiException(
                    400, "truncated-image", "the JPEG ends (" + b.length + " bytes) before its frame header");
        }
        return new ImageHeader(
                ImageHeader.Format.JPEG,
                width,
                height,
                Math.max(1, components),
                precision,
                progressive,
                scans,
                orientation);
    }

    /** The index of the next marker after entropy-coded data starting at {@code from} (or the end). */
    private static int skipEntropyData(byte[] b, int from) {
        int i = from;
        while (i + 1 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                i++;
                continue;
            }
            int next = b[i + 1] & 0xff;
            if (next == 0x00 || next >= 0xd0 && next <= 0xd7 || next == 0xff) {
                i += next == 0xff ? 1 : 2; // stuffed byte, restart marker, or fill
                continue;
            }
            return i;
        }
        return b.length;
    }

    private static boolean isFrameHeader(int m) {
        return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
    }

    private static ApiException corrupt(String message) {
        return ApiException.badRequest("corrupt-image", message);
    }
}
