package dev.prodet.serve.internal.image;

/**
 * How large an image may be and how it is decoded, checked on the header before decoding.
 *
 * @param maxSide pixels per side at most
 * @param maxPixels width × height at most
 * @param decodePixels images with more pixels are decoded at reduced resolution (every k-th row and column, k the
 *     smallest integer that brings them to at most this many); 0 decodes every image in full. The face pipeline
 *     finds faces on a 128-pixel letterbox and crops them at 256 pixels, so a 25-megapixel photo gives the same faces
 *     from 2 megapixels at a twelfth of the memory
 * @param maxJpegScans scans a progressive JPEG may have at most (each scan is another pass over the image)
 */
public record ImageLimits(int maxSide, long maxPixels, long decodePixels, int maxJpegScans) {

    /** Validates the limits. */
    public ImageLimits {
        if (maxSide < 1 || maxPixels < 1 || decodePixels < 0 || maxJpegScans < 1) {
            throw new IllegalArgumentException("image limits must be >= 1 (decodePixels >= 0), got side " + maxSide
                    + ", pixels " + maxPixels + ", decodePixels " + decodePixels + ", JPEG scans " + maxJpegScans);
        }
    }

    /** Full-resolution decoding with default scan limits (tests, tools). */
    public ImageLimits(int maxSide, long maxPixels) {
        this(maxSide, maxPixels, 0, 64);
    }

    /** The subsampling factor for a {@code width}×{@code height} image: 1 for full resolution. */
    public int subsampling(long width, long height) {
        long pixels = width * height;
        if (decodePixels == 0 || pixels <= decodePixels) {
            return 1;
        }
        int k = (int) Math.ceil(Math.sqrt((double) pixels / decodePixels));
        while (ceilDiv(width, k) * ceilDiv(height, k) > decodePixels) {
            k++;
        }
        return k;
    }

    /** Pixels along a side of {@code n} taken every {@code k}-th from the first. */
    public static long ceilDiv(long n, int k) {
        return (n + k - 1) / k;
    }
}
