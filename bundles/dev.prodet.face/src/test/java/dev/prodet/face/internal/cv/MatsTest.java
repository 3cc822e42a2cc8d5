package dev.prodet.face.internal.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsPixelsAndChannelOrder() {
        byte[] px = new byte[5 * 3 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7);
        }
        RgbImage img = new RgbImage(5, 3, px);
        try (Mat m = Mats.toMat(img)) {
            assertEquals(5, m.cols());
            assertEquals(3, m.rows());
            assertEquals(img, Mats.toImage(m));
        }
    }

    @Test
    void warpByATranslationShiftsPixels() {
        byte[] px = new byte[4 * 4 * 3];
        px[(1 * 4 + 1) * 3] = (byte) 200; // red at (1, 1)
        try (Mat m = Mats.toMat(new RgbImage(4, 4, px));
                Mat w = Mats.warp(m, new Similarity(1, 0, 2, 1), 4, 4)) {
            RgbImage out = Mats.toImage(w);
            assertEquals(200, out.get(3, 2, 0));
            assertEquals(0, out.get(1, 1, 0));
        }
    }

    @Test
    void unreadableFilesAreReportedWithTheirPath() throws IOException {
        Path missing = dir.resolve("missing.png");
        IOException e = assertThrows(IOException.class, () -> Mats.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        Path garbage = Files.writeString(dir.resolve("garbage.jpg"), "no image here");
        e = assertThrows(IOException.class, () -> Mats.read(garbage));
        assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());
    }
}
