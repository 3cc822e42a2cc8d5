package dev.prodet.forgery.blend.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * JPEG encode + decode round trip through {@code javax.imageio} (libjpeg quality scaling, 4:2:0 chroma, as
 * {@code cv2.imencode}).
 *
 * <p>albumentations hands OpenCV an RGB array that OpenCV reads as BGR, so the original computes luma with the red and
 * blue weights swapped. Copying our RGB bytes straight into a {@code TYPE_3BYTE_BGR} raster reproduces that reading.
 */
public final class Jpeg {

    private Jpeg() {}

    /** Compresses and decompresses an RGB (HWC) image at the given quality (1..100), in OpenCV's reading. */
    public static byte[] roundTrip(byte[] rgb, int w, int h, int quality) {
        return roundTrip(rgb, w, h, quality, false);
    }

    /**
     * Compresses and decompresses an RGB (HWC) image at the given quality (1..100).
     *
     * @param trueColour {@code true}: the codec sees the colours as they are (red as red); {@code false}: OpenCV's
     *     BGR reading of an RGB array, as the original training code
     */
    public static byte[] roundTrip(byte[] rgb, int w, int h, int quality, boolean trueColour) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be in [1, 100], got: " + quality);
        }
        try {
            byte[] raster = decode(encode(trueColour ? swapRedBlue(rgb) : rgb, w, h, quality), w, h);
            return trueColour ? swapRedBlue(raster) : raster;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG round trip failed", e);
        }
    }

    /** Interleaved RGB to BGR or back: a new array. */
    private static byte[] swapRedBlue(byte[] pixels) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i += 3) {
            out[i] = pixels[i + 2];
            out[i + 1] = pixels[i + 1];
            out[i + 2] = pixels[i];
        }
        return out;
    }

    /** Encodes interleaved bytes that the {@code TYPE_3BYTE_BGR} raster reads as B, G, R. */
    private static byte[] encode(byte[] bgr, int w, int h, int quality) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, raster, 0, bgr.length);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer in javax.imageio");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(w * h / 2);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] decode(byte[] jpeg, int w, int h) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("no JPEG reader in javax.imageio");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            ImageReadParam param = reader.getDefaultReadParam();
            BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            param.setDestination(dst);
            reader.read(0, param);
            return ((DataBufferByte) dst.getRaster().getDataBuffer()).getData().clone();
        } finally {
            reader.dispose();
        }
    }
}
