package dev.prodet.face.internal.blazeface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.internal.assets.Asset;
import dev.prodet.face.internal.assets.TestAssets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BlazeFace on the public-domain portraits and on images without a face. */
class BlazeFaceTest {

    private static BlazeFace blazeFace;

    // per test, not @BeforeAll: an assumption there would hide the tests instead of reporting them skipped
    @BeforeEach
    void load() throws Exception {
        TestAssets.assumeModel(Asset.BLAZEFACE_FRONT);
        if (blazeFace == null) {
            blazeFace = new BlazeFace(
                    TestAssets.locator().require(Asset.BLAZEFACE_FRONT),
                    BlazeFace.DEFAULT_MIN_SCORE,
                    Nms.Mode.WEIGHTED);
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (blazeFace != null) {
            blazeFace.close();
        }
    }

    /** Exactly one face, and its box lies on the face: eye keypoints inside, plausible size. */
    @ParameterizedTest
    @CsvSource({"images/astronaut.png, 80, 140", "images/grace_hopper.jpg, 150, 260"})
    void findsExactlyOneFaceInEachPortrait(String file, float minSide, float maxSide) throws Exception {
        RgbImage img = TestAssets.image(file);
        List<Detection> faces = blazeFace.detections(img);
        assertEquals(1, faces.size(), () -> file + ": " + faces);
        Detection d = faces.get(0);
        assertTrue(d.score() > 0.8f, () -> file + " score " + d.score());
        assertTrue(d.w() > minSide && d.w() < maxSide, () -> file + " box width " + d.w());
        FaceBox box = d.toFaceBox();
        for (int k = 0; k < 3; k++) { // eyes and nose tip inside the box
            float x = d.keypoints()[2 * k];
            float y = d.keypoints()[2 * k + 1];
            assertTrue(
                    x > box.x() && x < box.right() && y > box.y() && y < box.bottom(),
                    () -> file + " keypoint outside its box: " + d);
        }
        assertTrue(d.keypoints()[0] < d.keypoints()[2], "subject's right eye is left of the left eye in the image");
        List<FaceBox> boxes = blazeFace.detect(img);
        assertEquals(1, boxes.size());
    }

    @Test
    void findsNoFaceInNoiseOrAGradient() {
        assertEquals(List.of(), blazeFace.detect(TestAssets.noise(640, 480, 7)));
        assertEquals(List.of(), blazeFace.detect(TestAssets.gradient(300, 500)));
    }
}
