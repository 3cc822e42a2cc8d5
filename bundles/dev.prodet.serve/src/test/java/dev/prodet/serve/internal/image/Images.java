package dev.prodet.serve.internal.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Encoded test images. */
public final class Images {
    private Images() {}

    /** A w×h gradient, pixel (x, y) = (x*7, y*5, x+y) mod 256. */
    public static BufferedImage gradient(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x * 7) & 0xff) << 16 | ((y * 5) & 0xff) << 8 | ((x + y) & 0xff));
            }
        }
        return img;
    }

    /** The image encoded as "png" or "jpeg". */
    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG whose IHDR (with a correct CRC) declares w×h pixels, followed by a tiny IDAT and IEND. */
    public static byte[] pngDeclaring(long w, long h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 4 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes())
                .putInt((int) w)
                .putInt((int) h)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        b.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        byte[] idat = {'I', 'D', 'A', 'T', 0x78, (byte) 0x9c, 0x03, 0x00};
        b.putInt(4).put(idat).putInt(crc(idat));
        byte[] iend = {'I', 'E', 'N', 'D'};
        b.putInt(0).put(iend).putInt(crc(iend));
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /**
     * A {@code w}×{@code h} 16-bit RGBA PNG of zeros, written row by row through the compressor (never held whole):
     * the decompression bomb, 5000×5000 in about 200 KB.
     */
    public static byte[] zeroPng16(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes())
                .putInt(w)
                .putInt(h)
                .put((byte) 16)
                .put((byte) 6)
                .put((byte) 0)
                .put((byte) 0);
        ihdr.put((byte) 0);
        chunk(out, ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] row = new byte[1 + w * 8]; // filter byte 0, then zeros
        byte[] buf = new byte[1 << 16];
        for (int y = 0; y < h; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                z.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            z.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        byte[] idat = new byte[4 + z.size()];
        System.arraycopy("IDAT".getBytes(), 0, idat, 0, 4);
        System.arraycopy(z.toByteArray(), 0, idat, 4, z.size());
        chunk(out, idat);
        chunk(out, "IEND".getBytes());
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, byte[] typeAndData) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(typeAndData.length - 4).array());
        out.writeBytes(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt(crc(typeAndData)).array());
    }

    /** A progressive JPEG of the image (ImageIO's default progression, about ten scans). */
    public static byte[] progressiveJpeg(BufferedImage img) {
        try {
            javax.imageio.ImageWriter w =
                    ImageIO.getImageWritersByFormatName("jpeg").next();
            javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
            p.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new javax.imageio.IIOImage(img, null, null), p);
            }
            w.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an EXIF APP1 segment (big-endian TIFF, one IFD entry) giving {@code orientation}. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        tiff.put("Exif\0\0".getBytes())
                .put("MM".getBytes())
                .putShort((short) 42)
                .putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
        tiff.putShort((short) orientation).putShort((short) 0).putInt(0);
        byte[] app1 = tiff.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xe1);
        out.writeBytes(
                ByteBuffer.allocate(2).putShort((short) (app1.length + 2)).array());
        out.writeBytes(app1);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A progressive JPEG frame header followed by {@code scans} tiny scans: the scan-count attack. */
    public static byte[] jpegWithScans(int scans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd8});
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xc2, 0, 11, 8, 0, 16, 0, 16, 1, 1, 0x11, 0});
        for (int i = 0; i < scans; i++) {
            out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34});
        }
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd9});
        return out.toByteArray();
    }

    private static int crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return (int) c.getValue();
    }
}
