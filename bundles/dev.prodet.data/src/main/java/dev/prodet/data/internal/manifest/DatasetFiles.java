package dev.prodet.data.internal.manifest;

import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The files of a dataset folder: crops as PNG (lossless; written with ImageIO so the data bundle needs no OpenCV),
 * landmarks as NumPy {@code .npy} float32 arrays of shape [points, 2] (what DeepfakeBench stores, readable with
 * {@code numpy.load}). Their checksums are {@link dev.prodet.api.io.Sha256}'s.
 */
public final class DatasetFiles {

    /**
     * Declared pixels (width × height) an image may have to be decoded: 100 megapixels, above any camera still or
     * video frame, below what a few bytes of PNG can declare (a decompression bomb would otherwise fill the heap
     * of a preparation or scan worker).
     */
    public static final long MAX_IMAGE_PIXELS = 100_000_000L;

    private DatasetFiles() {}

    /** Writes an RGB image as PNG. */
    public static void writePng(Path file, RgbImage image) throws IOException {
        BufferedImage bi = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = image.rgb();
        int[] row = new int[image.width()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int i = (y * image.width() + x) * 3;
                row[x] = (px[i] & 0xff) << 16 | (px[i + 1] & 0xff) << 8 | (px[i + 2] & 0xff);
            }
            bi.setRGB(0, y, image.width(), 1, row, 0, image.width());
        }
        Files.createDirectories(
                java.util.Objects.requireNonNull(file.toAbsolutePath().getParent()));
        if (!ImageIO.write(bi, "png", file.toFile())) {
            throw new IOException("no PNG writer available to write " + file);
        }
    }

    /**
     * Reads an image file (PNG, JPEG, ...) as RGB.
     *
     * @throws IOException when the file is missing or not a readable image; the message names it
     */
    public static RgbImage readImage(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("image not found: " + file);
        }
        BufferedImage bi;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not a readable image (unknown format or corrupt): " + file);
            }
            ImageReader reader = readers.next();
            try {
                long pixels = declaredPixels(reader, in, file); // from the header, before any pixel is decoded
                if (pixels > MAX_IMAGE_PIXELS) {
                    throw new IOException("image too large to decode: " + file + " declares " + pixels
                            + " pixels, more than " + MAX_IMAGE_PIXELS + " (100 megapixels)");
                }
                bi = decode(reader, file);
            } finally {
                reader.dispose();
            }
        }
        int w = bi.getWidth();
        int h = bi.getHeight();
        byte[] px = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            bi.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                px[i] = (byte) (row[x] >> 16);
                px[i + 1] = (byte) (row[x] >> 8);
                px[i + 2] = (byte) row[x];
            }
        }
        return new RgbImage(w, h, px);
    }

    private static long declaredPixels(ImageReader reader, ImageInputStream in, Path file) throws IOException {
        try {
            reader.setInput(in, true, true);
            return (long) reader.getWidth(0) * reader.getHeight(0);
        } catch (IOException | RuntimeException e) { // ImageIO's messages do not name the file
            throw new IOException("not a readable image (corrupt header): " + file + ": " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(ImageReader reader, Path file) throws IOException {
        try {
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a readable image (corrupt or truncated): " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes landmarks as a float32 {@code .npy} array of shape [count, 2]. */
    public static void writeNpy(Path file, Landmarks landmarks) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + landmarks.count() + ", 2), }";
        int headerLen = 10 + dict.length() + 1; // magic(6) + version(2) + len(2) + dict + '\n', padded to 64
        int pad = (64 - headerLen % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        float[] xy = landmarks.toArray();
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * xy.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93)
                .put("NUMPY".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : xy) {
            b.putFloat(v);
        }
        Files.createDirectories(
                java.util.Objects.requireNonNull(file.toAbsolutePath().getParent()));
        Files.write(file, b.array());
    }

    /** Reads landmarks written by {@link #writeNpy}. */
    public static Landmarks readNpy(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 10
                || (all[0] & 0xff) != 0x93
                || !new String(all, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")
                || all[6] != 1) {
            throw new IOException("not a version-1 .npy file: " + file);
        }
        int headerLen = b.getShort(8) & 0xffff;
        String header = new String(all, 10, headerLen, StandardCharsets.US_ASCII);
        if (!header.contains("'<f4'") || !header.contains("False")) {
            throw new IOException(
                    "landmark file " + file + " must hold little-endian float32 in C order, header: " + header.trim());
        }
        int n = (all.length - 10 - headerLen) / 4;
        float[] xy = new float[n];
        b.position(10 + headerLen);
        for (int i = 0; i < n; i++) {
            xy[i] = b.getFloat();
        }
        return new Landmarks(xy);
    }
}
