package dev.prodet.serve.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.RgbImage;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.load.MemoryBudget;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    @Test
    void pngDepthAndAlphaGiveTheDecodedSize() throws Exception {
        ImageHeader h = ImageHeader.read(Images.zeroPng16(5000, 5000), 64);
        assertEquals(16, h.bitDepth());
        assertEquals(4, h.channels());
        // 16-bit RGBA: 8 bytes a pixel, plus the RGB copy
        assertEquals(25_000_000L * 11, h.decodedBytes(1) - 4 * 5000 * 8);
        ImageLimits limits = new ImageLimits(12_000, 25_000_000, 2_000_000, 64);
        int k = limits.subsampling(5000, 5000);
        assertEquals(4, k, "1250 x 1250 = 1.56 MP <= 2 MP");
        assertTrue(h.decodedBytes(k) < h.decodedBytes(1) / 15);
    }

    @Test
    void progressiveJpegsAreCountedAndTooManyScansRefusedBeforeDecoding() throws Exception {
        ImageHeader baseline = ImageHeader.read(Images.encode(Images.gradient(40, 30), "jpeg"), 64);
        assertFalse(baseline.progressive());
        assertEquals(1, baseline.scans());
        ImageHeader progressive = ImageHeader.read(Images.progressiveJpeg(Images.gradient(40, 30)), 64);
        assertTrue(progressive.progressive());
        assertTrue(progressive.scans() > 1 && progressive.scans() <= 12, "scans: " + progressive.scans());
        assertEquals(64, ImageHeader.read(Images.jpegWithScans(64), 64).scans());
        ApiException e = assertThrows(ApiException.class, () -> ImageHeader.read(Images.jpegWithScans(5000), 64));
        assertEquals(400, e.status());
        assertEquals("too-many-scans", e.problem());
    }

    @Test
    void exifOrientationIsReadAndApplied() throws Exception {
        byte[] jpeg = Images.encode(Images.gradient(40, 20), "jpeg");
        for (int o = 1; o <= 8; o++) {
            assertEquals(
                    o, ImageHeader.read(Images.withOrientation(jpeg, o), 64).orientation());
        }
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(4096, 1 << 22));
        RgbImage upright = decoder.decode(Images.withOrientation(jpeg, 6));
        assertEquals(20, upright.width(), "orientation 6 turns a landscape photo into a portrait");
        assertEquals(40, upright.height());
        assertEquals(1, ImageHeader.read(Images.withOrientation(jpeg, 9), 64).orientation(), "not an orientation");
    }

    @Test
    void theEightOrientationsMapPixelsAsExifSays() {
        // 3 wide, 2 high; pixel value = its index
        byte[] px = new byte[18];
        for (int i = 0; i < 6; i++) {
            px[i * 3] = (byte) i;
        }
        RgbImage img = new RgbImage(3, 2, px);
        // rows of the upright image, as indices of stored pixels (stored rows: 0 1 2 / 3 4 5)
        int[][] expected = {
            null,
            {0, 1, 2, 3, 4, 5},
            {2, 1, 0, 5, 4, 3},
            {5, 4, 3, 2, 1, 0},
            {3, 4, 5, 0, 1, 2},
            {0, 3, 1, 4, 2, 5},
            {3, 0, 4, 1, 5, 2},
            {5, 2, 4, 1, 3, 0},
            {2, 5, 1, 4, 0, 3}
        };
        for (int o = 1; o <= 8; o++) {
            RgbImage r = Orientation.apply(img, o);
            byte[] out = r.rgb();
            for (int i = 0; i < 6; i++) {
                assertEquals(expected[o][i], out[i * 3], "orientation " + o + " pixel " + i);
            }
            assertEquals(o >= 5 ? 2 : 3, r.width());
        }
    }

    @Test
    void largeImagesDecodeSubsampledWithinTheirReservation() throws Exception {
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(12_000, 25_000_000, 2_000_000, 64));
        MemoryBudget budget = new MemoryBudget(1L << 30, 1);
        byte[] png = Images.zeroPng16(3000, 2000);
        try (MemoryBudget.Reservation r = budget.open()) {
            RgbImage img = decoder.decode(png, r);
            assertEquals(1500, img.width(), "6 MP at k = 2");
            assertEquals(1000, img.height());
            assertEquals(ImageHeader.read(png, 64).decodedBytes(2), r.held());
        }
        assertEquals(0, budget.used());
        MemoryBudget small = new MemoryBudget(10L << 20, 1);
        ApiException e = assertThrows(ApiException.class, () -> decoder.decode(png, small.open()));
        assertEquals(413, e.status(), "needs more than the whole budget");
        try (MemoryBudget.Reservation held = small.reserve(9L << 20, "another request")) {
            ApiException busy = assertThrows(
                    ApiException.class,
                    () -> decoder.decode(Images.encode(Images.gradient(900, 900), "png"), small.open()));
            assertEquals(503, busy.status());
            assertEquals(1, busy.retryAfterSeconds());
        }
    }
}
