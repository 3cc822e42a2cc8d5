package dev.prodet.serve.internal.image;

import dev.prodet.api.face.RgbImage;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.load.MemoryBudget;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a JPEG or PNG into an upright {@link RgbImage}. Before a pixel is decoded the header is checked against the
 * limits and the bytes decoding will hold are reserved from the memory budget (from the bit depth, the samples per
 * pixel, alpha included, and the resolution it will be decoded at); large images are decoded at reduced resolution
 * with ImageIO's source subsampling, so memory follows {@code decodePixels}, not the photo. ImageIO ships with the
 * JDK; its warnings ("premature end of JPEG file", corrupt data) are errors here, since a half-grey face would get a
 * meaningless score. The EXIF orientation is applied last.
 */
public final class ImageDecoder {
    static {
        ImageIO.setUseCache(false); // never spill to temporary files
    }

    private final ImageLimits limits;

    /** @param limits size limits and decoding resolution */
    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
    }

    /** The limits in force. */
    public ImageLimits limits() {
        return limits;
    }

    /** Decodes an image outside any memory budget (tools and tests). */
    public RgbImage decode(byte[] bytes) throws ApiException {
        return decode(bytes, new MemoryBudget(Long.MAX_VALUE, 1).open());
    }

    /**
     * Decodes an image, holding its bytes in {@code memory} (released by the caller when the request ends).
     *
     * @throws ApiException 400 for anything that is not a complete, valid JPEG or PNG; 413 for too many pixels; 503
     *     when the memory budget cannot hold it now
     */
    public RgbImage decode(byte[] bytes, MemoryBudget.Reservation memory) throws ApiException {
        ImageHeader header = ImageHeader.read(bytes, limits.maxJpegScans());
        header.check(limits);
        int k = limits.subsampling(header.width(), header.height());
        memory.grow(
                header.decodedBytes(k),
                "decoding the " + header.width() + "x" + header.height() + " " + header.format());
        String fmt = header.format().name();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(fmt.toLowerCase());
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no ImageIO reader for " + fmt);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            if (reader.getWidth(0) != header.width() || reader.getHeight(0) != header.height()) {
                throw ApiException.badRequest(
                        "corrupt-image",
                        "the " + fmt + " header says " + header.width()
                                + "x" + header.height() + " but the decoder reads " + reader.getWidth(0) + "x"
                                + reader.getHeight(0));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (k > 1) {
                param.setSourceSubsampling(k, k, 0, 0);
            }
            BufferedImage img = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw ApiException.badRequest(
                        "corrupt-image", "the " + fmt + " is truncated or corrupt: " + warnings.get(0));
            }
            return Orientation.apply(toRgb(img), header.orientation());
        } catch (IOException | RuntimeException e) {
            // ImageIO reports broken input as IIOException but also as unchecked exceptions of many kinds
            throw ApiException.badRequest(
                    e instanceof java.io.EOFException ? "truncated-image" : "corrupt-image",
                    "the " + fmt + " cannot be decoded: " + message(e));
        } finally {
            reader.dispose();
        }
    }

    /** Copies any BufferedImage to interleaved RGB; alpha is dropped. */
    static RgbImage toRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] rgb = new byte[w * h * 3];
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && img.getRaster().getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1
                && db.getData().length == rgb.length) {
            byte[] bgr = db.getData();
            for (int i = 0; i < rgb.length; i += 3) {
                rgb[i] = bgr[i + 2];
                rgb[i + 1] = bgr[i + 1];
                rgb[i + 2] = bgr[i];
            }
        } else {
            int[] row = new int[w];
            for (int y = 0, o = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++, o += 3) {
                    int p = row[x];
                    rgb[o] = (byte) (p >> 16);
                    rgb[o + 1] = (byte) (p >> 8);
                    rgb[o + 2] = (byte) p;
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    /** A message for the client: ImageIO's own words, or a plain description when it has none. */
    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.matches(".*\\b[a-z]+\\.[a-z]+\\.[A-Za-z.$]+.*")) {
            return e instanceof IOException ? "the data is malformed" : "the decoder rejected the data";
        }
        return m;
    }
}
