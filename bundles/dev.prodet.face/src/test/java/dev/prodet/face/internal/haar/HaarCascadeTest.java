package dev.prodet.face.internal.haar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.FaceBox;
import dev.prodet.face.internal.assets.TestAssets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Haar cascade (shipped in the OpenCV jar) on the portraits and on images without a face. */
class HaarCascadeTest {

    private static HaarCascade haar;

    @BeforeAll
    static void load() throws Exception {
        haar = new HaarCascade();
    }

    @AfterAll
    static void close() {
        haar.close();
    }

    /** Exactly one face, centred where BlazeFace and the landmarks put it (see BlazeFaceTest for the box sizes). */
    @ParameterizedTest
    @CsvSource({"images/astronaut.png, 223, 120", "images/grace_hopper.jpg, 265, 230"})
    void findsExactlyOneFaceInEachPortrait(String file, float faceX, float faceY) throws Exception {
        List<FaceBox> faces = haar.detect(TestAssets.image(file));
        assertEquals(1, faces.size(), () -> file + ": " + faces);
        FaceBox b = faces.get(0);
        assertTrue(b.score() >= 0.5f && b.score() < 1f, () -> "score " + b.score());
        assertTrue(
                faceX > b.x() && faceX < b.right() && faceY > b.y() && faceY < b.bottom(),
                () -> file + ": box " + b + " misses the face at " + faceX + "," + faceY);
    }

    @Test
    void findsNoFaceInNoiseOrAGradient() {
        assertEquals(List.of(), haar.detect(TestAssets.noise(640, 480, 11)));
        assertEquals(List.of(), haar.detect(TestAssets.gradient(500, 300)));
    }

    @Test
    void largeFramesAreScaledDownAndBoxesScaledBack() throws Exception {
        var img = TestAssets.image("images/grace_hopper.jpg");
        FaceBox small = haar.detect(img).get(0);
        byte[] px = new byte[img.width() * 2 * img.height() * 2 * 3]; // nearest-neighbour 2x upscale
        for (int y = 0; y < img.height() * 2; y++) {
            for (int x = 0; x < img.width() * 2; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * img.width() * 2 + x) * 3 + c] = (byte) img.get(x / 2, y / 2, c);
                }
            }
        }
        List<FaceBox> big = haar.detect(new dev.prodet.api.face.RgbImage(img.width() * 2, img.height() * 2, px));
        // the frame is cascaded at another scale than the original, so extra boxes may appear; the face must be there
        double cx = 2 * (small.x() + small.width() / 2.0);
        double cy = 2 * (small.y() + small.height() / 2.0);
        assertTrue(
                big.stream()
                        .anyMatch(b -> Math.abs(b.x() + b.width() / 2 - cx) < 0.1 * b.width()
                                && Math.abs(b.y() + b.height() / 2 - cy) < 0.1 * b.height()
                                && Math.abs(b.width() - 2 * small.width()) < 0.2 * b.width()),
                () -> "no box at the face: " + big);
    }
}
