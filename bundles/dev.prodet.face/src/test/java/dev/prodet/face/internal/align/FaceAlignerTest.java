package dev.prodet.face.internal.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.FaceLandmarkLayout;
import dev.prodet.face.internal.assets.Asset;
import dev.prodet.face.internal.assets.TestAssets;
import dev.prodet.face.internal.blazeface.BlazeFace;
import dev.prodet.face.internal.blazeface.Nms;
import dev.prodet.face.internal.cv.Mats;
import dev.prodet.face.internal.cv.Similarity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole pipeline (BlazeFace, face mesh, alignment) on the public-domain portraits. */
class FaceAlignerTest {

    private static FacePipeline pipeline;

    // per test, not @BeforeAll: an assumption there would hide the tests instead of reporting them skipped
    @BeforeEach
    void load() throws Exception {
        TestAssets.assumeModels();
        if (pipeline == null) {
            pipeline = FacePipeline.blazeface(TestAssets.locator());
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"images/astronaut.png", "images/grace_hopper.jpg"})
    void eyeCentresOfTheCropLieWithin4PxOfTheTemplate(String file) throws Exception {
        AlignedFace face = pipeline.alignLargest(TestAssets.image(file)).orElseThrow();
        assertEquals(CropTemplate.SIZE, face.width());
        assertEquals(CropTemplate.SIZE, face.height());
        assertEquals(FaceLandmarkLayout.POINTS, face.landmarks().count());
        assertEquals(
                "blazeface-mediapipe68-arcface256@" + FacePipeline.VERSION,
                face.preprocessor().toString());
        double[] t = CropTemplate.points();
        float[] right = FaceLandmarkLayout.rightEyeCentre(face.landmarks());
        float[] left = FaceLandmarkLayout.leftEyeCentre(face.landmarks());
        double dRight = Math.hypot(right[0] - t[0], right[1] - t[1]);
        double dLeft = Math.hypot(left[0] - t[2], left[1] - t[3]);
        assertTrue(
                dRight <= 4 && dLeft <= 4,
                () -> file + ": eye centres " + dRight + " and " + dLeft + " px from the template");
    }

    /** A rotated and scaled copy of a portrait gives the same crop landmarks, within 3 px at every iBUG point. */
    @ParameterizedTest
    @CsvSource({
        "images/grace_hopper.jpg, 20, 0.8", "images/grace_hopper.jpg, -25, 1.25",
        "images/astronaut.png, 20, 0.8", "images/astronaut.png, -25, 1.25"
    })
    void rotatedAndScaledCopyGivesTheSameLandmarks(String file, double degrees, double scale) throws Exception {
        RgbImage img = TestAssets.image(file);
        Landmarks original = pipeline.alignLargest(img).orElseThrow().landmarks();
        Similarity move = Similarity.about(img.width() / 2.0, img.height() / 2.0, Math.toRadians(degrees), scale);
        RgbImage moved;
        try (Mat m = Mats.toMat(img);
                Mat w = Mats.warp(m, move, img.width(), img.height())) {
            moved = Mats.toImage(w);
        }
        Landmarks copy = pipeline.alignLargest(moved)
                .orElseThrow(() -> new AssertionError(file + " rotated by " + degrees + "° lost its face"))
                .landmarks();
        double worst = 0;
        for (int i = 0; i < FaceLandmarkLayout.IBUG_POINTS; i++) {
            worst = Math.max(worst, Math.hypot(copy.x(i) - original.x(i), copy.y(i) - original.y(i)));
        }
        double w = worst;
        assertTrue(
                worst <= 3,
                () -> file + " rotated " + degrees + "°, scaled " + scale + ": a landmark moved " + w
                        + " px on the crop");
    }

    @Test
    void landmarksAreAnatomicallyOrdered() throws Exception {
        Landmarks l = pipeline.alignLargest(TestAssets.image("images/grace_hopper.jpg"))
                .orElseThrow()
                .landmarks();
        float[] re = FaceLandmarkLayout.rightEyeCentre(l);
        float[] le = FaceLandmarkLayout.leftEyeCentre(l);
        assertTrue(l.x(36) < l.x(39) && l.x(39) < l.x(42) && l.x(42) < l.x(45), "eye corners left to right");
        assertTrue(
                re[1] < l.y(30) && l.y(30) < l.y(51) && l.y(51) < l.y(57) && l.y(57) < l.y(8),
                "eyes above nose tip above upper lip above lower lip above chin");
        assertTrue(l.y(19) < re[1] && l.y(24) < le[1], "brows above the eyes");
        assertTrue(l.x(0) < l.x(8) && l.x(8) < l.x(16), "jaw runs from the image left to the image right");
        assertTrue(l.x(48) < l.x(54) && l.x(60) > l.x(48) && l.x(64) < l.x(54), "inner mouth corners inside");
        float top = Float.MAX_VALUE;
        for (int i = FaceLandmarkLayout.FACE_OVAL_FROM; i < FaceLandmarkLayout.POINTS; i++) {
            top = Math.min(top, l.y(i));
        }
        assertTrue(top < l.y(19) && top < l.y(24), "the face oval reaches above the brows (forehead)");
    }

    /**
     * Two portraits side by side, each half searched by BlazeFace on its own (the short-range model misses faces this
     * small in the whole frame): only the largest face is aligned when one is asked for.
     */
    @Test
    void alignLargestStopsAtMaxFaces() throws Exception {
        RgbImage a = TestAssets.image("images/astronaut.png");
        RgbImage b = TestAssets.image("images/grace_hopper.jpg");
        int h = Math.max(a.height(), b.height());
        byte[] px = new byte[(a.width() + b.width()) * h * 3];
        for (int y = 0; y < h; y++) {
            int row = y * (a.width() + b.width()) * 3;
            if (y < a.height()) {
                System.arraycopy(a.rgb(), y * a.width() * 3, px, row, a.width() * 3);
            }
            if (y < b.height()) {
                System.arraycopy(b.rgb(), y * b.width() * 3, px, row + a.width() * 3, b.width() * 3);
            }
        }
        RgbImage both = new RgbImage(a.width() + b.width(), h, px);
        AtomicInteger detections = new AtomicInteger();
        try (BlazeFace blaze = new BlazeFace(
                        TestAssets.locator().require(Asset.BLAZEFACE_FRONT),
                        BlazeFace.DEFAULT_MIN_SCORE,
                        Nms.Mode.WEIGHTED);
                FacePipeline halves = FacePipeline.create(
                        frame -> {
                            detections.incrementAndGet();
                            List<FaceBox> boxes = new ArrayList<>(blaze.detect(half(frame, 0, a.width())));
                            for (FaceBox f : blaze.detect(half(frame, a.width(), b.width()))) {
                                boxes.add(new FaceBox(f.x() + a.width(), f.y(), f.width(), f.height(), f.score()));
                            }
                            return boxes;
                        },
                        "halves",
                        TestAssets.locator(),
                        null)) {
            List<AlignedFace> all = halves.alignAll(both);
            assertEquals(2, all.size(), "both portraits' faces");
            List<AlignedFace> one = halves.alignLargest(both, 1);
            assertEquals(1, one.size());
            assertEquals(all.get(0).sourceBox(), one.get(0).sourceBox(), "the largest face");
            assertTrue(all.get(0).sourceBox().area() >= all.get(1).sourceBox().area());
            assertEquals(2, halves.alignLargest(both, 5).size());
            assertEquals(3, detections.get(), "one detection per call");
        }
    }

    private static RgbImage half(RgbImage img, int x0, int w) {
        byte[] src = img.rgb();
        byte[] px = new byte[w * img.height() * 3];
        for (int y = 0; y < img.height(); y++) {
            System.arraycopy(src, (y * img.width() + x0) * 3, px, y * w * 3, w * 3);
        }
        return new RgbImage(w, img.height(), px);
    }

    @Test
    void noFaceInNoiseOrAGradient() {
        assertEquals(List.of(), pipeline.alignAll(TestAssets.noise(400, 300, 3)));
        assertTrue(pipeline.alignLargest(TestAssets.gradient(256, 256)).isEmpty());
    }
}
