package dev.prodet.api.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class ImageAndBoxTest {

    @Test
    void rgbImageChecksLengthAndCopies() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RgbImage(4, 3, new byte[35]));
        assertTrue(e.getMessage().contains("4*3*3 = 36"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got: 35"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RgbImage(0, 3, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new RgbImage(2, 2, null));

        byte[] px = new byte[12];
        px[(1 * 2 + 1) * 3 + 2] = (byte) 200; // pixel (1,1), blue
        RgbImage img = new RgbImage(2, 2, px);
        px[0] = 5;
        assertEquals(0, img.get(0, 0, 0));
        assertEquals(200, img.get(1, 1, 2));
        img.rgb()[0] = 9;
        assertEquals(0, img.get(0, 0, 0));
        assertThrows(ReadOnlyBufferException.class, () -> img.rgbBuffer().put(0, (byte) 1));
        assertThrows(IndexOutOfBoundsException.class, () -> img.get(2, 0, 0));
        assertEquals(new RgbImage(2, 2, img.rgb()), img);
    }

    @Test
    void faceBoxValidation() {
        FaceBox b = new FaceBox(-3f, 4f, 10f, 20f, 0.9f);
        assertEquals(7f, b.right());
        assertEquals(24f, b.bottom());
        assertEquals(200f, b.area());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 0, 1, 0.5f));
        assertTrue(e.getMessage().startsWith("FaceBox.width"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 1, 1, 1.5f));
        assertTrue(e.getMessage().startsWith("FaceBox.score must be in [0, 1], got: 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FaceBox(Float.NaN, 0, 1, 1, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 1, 1, Float.NaN));
    }

    @Test
    void preprocessorInfo() {
        assertEquals("mp68@2", new FacePreprocessorInfo("mp68", "2").toString());
        assertThrows(IllegalArgumentException.class, () -> new FacePreprocessorInfo(" ", "2"));
        assertThrows(IllegalArgumentException.class, () -> new FacePreprocessorInfo("mp68", null));
    }
}
