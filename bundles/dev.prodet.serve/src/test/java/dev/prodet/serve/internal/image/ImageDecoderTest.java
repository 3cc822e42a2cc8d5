package dev.prodet.serve.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.RgbImage;
import dev.prodet.api.serve.ApiException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
    final ImageDecoder decoder = new ImageDecoder(new ImageLimits(4096, 4_000_000));

    ApiException refused(byte[] bytes) {
        return assertThrows(ApiException.class, () -> decoder.decode(bytes));
    }

    @Test
    void decodesPngExactlyAndJpegClosely() throws Exception {
        RgbImage png = decoder.decode(Images.encode(Images.gradient(40, 30), "png"));
        assertEquals(40, png.width());
        assertEquals(30, png.height());
        assertEquals((13 * 7) & 0xff, png.get(13, 4, 0));
        assertEquals((4 * 5) & 0xff, png.get(13, 4, 1));
        assertEquals(17, png.get(13, 4, 2));
        RgbImage jpg = decoder.decode(Images.encode(Images.gradient(40, 30), "jpeg"));
        assertEquals(40, jpg.width());
        assertTrue(Math.abs(jpg.get(20, 10, 1) - 50) < 24, "JPEG green near 50: " + jpg.get(20, 10, 1));
    }

    @Test
    void aPngDeclaringHugeDimensionsIsRefusedBeforeDecoding() {
        ApiException e = refused(Images.pngDeclaring(100_000, 100_000));
        assertEquals(413, e.status());
        assertEquals("image-too-large", e.problem());
        assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
    }

    @Test
    void aJpegDeclaringHugeDimensionsIsRefusedBeforeDecoding() {
        byte[] jpg = Images.encode(Images.gradient(16, 16), "jpeg");
        // rewrite the SOF0 height/width fields to 60000x60000
        for (int i = 2; i < jpg.length - 8; i++) {
            if ((jpg[i] & 0xff) == 0xff && (jpg[i + 1] & 0xff) == 0xc0) {
                jpg[i + 5] = (byte) 0xea;
                jpg[i + 6] = 0x60;
                jpg[i + 7] = (byte) 0xea;
                jpg[i + 8] = 0x60;
                break;
            }
        }
        ApiException e = refused(jpg);
        assertEquals(413, e.status());
        assertTrue(e.getMessage().contains("60000x60000"), e.getMessage());
    }

    @Test
    void aTruncatedJpegIsRefused() {
        byte[] jpg = Images.encode(Images.gradient(64, 64), "jpeg");
        ApiException e = refused(Arrays.copyOf(jpg, jpg.length * 2 / 3));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("JPEG"), e.getMessage());
    }

    @Test
    void aTruncatedPngIsRefused() {
        byte[] png = Images.encode(Images.gradient(64, 64), "png");
        ApiException e = refused(Arrays.copyOf(png, png.length / 2));
        assertEquals(400, e.status());
    }

    @Test
    void emptyBodiesAndNonImagesNameTheProblem() {
        assertEquals("empty-body", refused(new byte[0]).problem());
        ApiException gif = refused("GIF89a....".getBytes());
        assertEquals("not-an-image", gif.problem());
        assertTrue(gif.getMessage().contains("not a JPEG or PNG"), gif.getMessage());
        assertEquals(
                "corrupt-image",
                refused(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                        .problem());
        assertEquals(400, refused(Images.pngDeclaring(0, 10)).status());
    }

    @Test
    void headerWalkSkipsSegmentsToTheFrameHeader() throws Exception {
        byte[] jpg = Images.encode(Images.gradient(33, 21), "jpeg");
        ImageHeader h = ImageHeader.read(jpg, 64);
        assertEquals(ImageHeader.Format.JPEG, h.format());
        assertEquals(33, h.width());
        assertEquals(21, h.height());
    }
}
