package dev.prodet.serve.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.TestRuntime;
import dev.prodet.serve.internal.api.ModelAccess;
import dev.prodet.serve.internal.image.ImageDecoder;
import dev.prodet.serve.internal.image.ImageLimits;
import dev.prodet.serve.internal.image.Images;
import dev.prodet.serve.internal.load.MemoryBudget;
import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.video.VideoDecoder;
import dev.prodet.serve.internal.video.VideoLimits;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectServiceTest {
    @TempDir
    static Path dir;

    static ModelPackage pkg;
    static ModelRepository repository;
    static final List<String> stages = new CopyOnWriteArrayList<>();
    static final FaceStages faces = new FaceStages();
    static DetectService detect;

    @BeforeAll
    static void serve() throws Exception {
        pkg = TestPackages.export(dir.resolve("models"), "m", "1", 11);
        repository = TestRuntime.repository(TestRuntime.settings(dir.resolve("models"), Map.of()));
        detect = new DetectService(
                new ModelAccess(repository, ""),
                new ImageDecoder(new ImageLimits(4096, 1 << 24)),
                new VideoDecoder(new VideoLimits(8, 32, 60, 1 << 22), new ImageLimits(4096, 1 << 24)),
                new MemoryBudget(1L << 30, 1),
                faces,
                new DetectService.Limits(2, 30_000, 200, 1),
                (s, n) -> stages.add(s));
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    /** What a plain ONNX Runtime session says about an image prepared with InputTensors. */
    static float direct(RgbImage crop) throws Exception {
        float[] x = new float[InputTensors.size(pkg.metadata().preprocessing())];
        InputTensors.fill(crop, pkg.metadata().preprocessing(), x, 0);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(pkg.modelFile().toString());
                OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 3, 64, 64});
                OrtSession.Result r = s.run(Map.of("image", t))) {
            return ((float[]) r.get("p_fake").orElseThrow().getValue())[0];
        }
    }

    static RgbImage decoded(byte[] png) throws ApiException {
        return new ImageDecoder(new ImageLimits(4096, 1 << 24)).decode(png);
    }

    @Test
    void anAlignedCropIsResizedAndScoredAsTrainingWould() throws Exception {
        byte[] png = Images.encode(Images.gradient(100, 90), "png");
        DetectResult r = detect.detect(png, new DetectOptions(null, null, true));
        assertEquals(direct(decoded(png)), r.fakeness(), 1e-6);
        assertEquals("m", r.model());
        assertEquals("1", r.version());
        assertEquals(r.fakeness() >= 0.5 ? "fake" : "real", r.label());
        assertEquals(
                List.of("decode", "face", "preprocess", "queue", "infer", "total"),
                List.copyOf(r.timings().keySet()));
        assertEquals(1, r.faces().size());
        assertEquals(100f, r.faces().get(0).box().width());
        assertTrue(stages.containsAll(List.of("decode", "face", "preprocess", "queue", "infer")));
        Map<String, Object> json = r.toJson();
        assertEquals(
                List.of("fakeness", "label", "threshold", "model", "version", "faces", "timings", "batch_size"),
                List.copyOf(json.keySet()));
    }

    @Test
    void facesFromTheFaceStageAreScoredAndTheHighestFakenessWins() throws Exception {
        RgbImage a = decoded(Images.encode(Images.gradient(64, 64), "png"));
        RgbImage b = decoded(Images.encode(Images.gradient(80, 50), "png"));
        RgbImage c = decoded(Images.encode(Images.gradient(20, 20), "png"));
        faces.set(stage(
                TestPackages.FACE,
                List.of(
                        new FaceStage.Face(a, new FaceBox(10, 20, 30, 40, 0.9f)),
                        new FaceStage.Face(b, new FaceBox(1, 2, 3, 4, 0.8f)),
                        new FaceStage.Face(c, new FaceBox(1, 2, 3, 4, 0.7f)))));
        DetectResult r =
                detect.detect(Images.encode(Images.gradient(200, 200), "jpeg"), new DetectOptions("m", "1", false));
        assertEquals(2, r.faces().size(), "at most maxFaces = 2, largest first");
        assertTrue(Math.abs(direct(a) - direct(b)) > 1e-4, "the crops score differently");
        assertEquals(direct(a), r.faces().get(0).fakeness(), 1e-6);
        assertEquals(direct(b), r.faces().get(1).fakeness(), 1e-6);
        assertEquals(Math.max(direct(a), direct(b)), r.fakeness(), 1e-6);
        assertEquals(0.9f, r.faces().get(0).box().score());
        assertEquals(2, r.batchSize(), "both faces in one session run");
    }

    @Test
    void heatmapsArePngsOfTheInputSize() throws Exception {
        byte[] png = Images.encode(Images.gradient(70, 70), "png");
        DetectResult r = detect.detect(png, new DetectOptions(null, null, true, true));
        String url = r.faces().get(0).heatmap();
        assertTrue(url.startsWith("data:image/png;base64,"), url);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
        assertEquals(64, img.getWidth());
        assertEquals(64, img.getHeight());
        int[] px = img.getRaster().getPixels(0, 0, 64, 64, (int[]) null);
        assertEquals(255, java.util.Arrays.stream(px).max().orElseThrow(), "scaled to the full grey range");
        assertEquals(0, java.util.Arrays.stream(px).min().orElseThrow());
        assertTrue(r.toJson().toString().contains("heatmap="));
        assertEquals(
                null,
                detect.detect(png, new DetectOptions(null, null, true))
                        .faces()
                        .get(0)
                        .heatmap());
    }

    @Test
    void faceProblemsAreNamed() {
        byte[] img = Images.encode(Images.gradient(50, 50), "png");
        faces.remove(faces.now());
        ApiException none =
                assertThrows(ApiException.class, () -> detect.detect(img, new DetectOptions(null, null, false)));
        assertEquals(503, none.status());
        assertTrue(none.getMessage().contains("aligned=true"), none.getMessage());
        faces.set(stage(TestPackages.FACE, List.of()));
        ApiException noFace =
                assertThrows(ApiException.class, () -> detect.detect(img, new DetectOptions(null, null, false)));
        assertEquals(422, noFace.status());
        assertEquals("no-face", noFace.problem());
        faces.set(stage(new FacePreprocessorInfo("other", "9"), List.of()));
        ApiException mismatch =
                assertThrows(ApiException.class, () -> detect.detect(img, new DetectOptions(null, null, false)));
        assertEquals(409, mismatch.status());
        assertTrue(
                mismatch.getMessage().contains("test-aligner@1")
                        && mismatch.getMessage().contains("other@9"),
                mismatch.getMessage());
    }

    @Test
    void aVideoIsScoredFrameByFrameAndByTheMeanOfItsFrames() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        faces.set(new FaceStage() {
            @Override
            public FacePreprocessorInfo info() {
                return TestPackages.FACE;
            }

            @Override
            public List<Face> faces(RgbImage frame, int maxFaces) {
                sizes.add(frame.width());
                // the frame itself is the face; a frame with a dark corner has none
                return frame.get(0, 0, 0) < 40
                        ? List.of()
                        : List.of(new Face(frame, new FaceBox(0, 0, frame.width(), frame.height(), 0.9f)));
            }
        });
        byte[] mp4 = dev.prodet.serve.internal.video.Videos.mp4(
                64, 48, 20, 10, i -> dev.prodet.serve.internal.video.Videos.gradient(64, 48, i * 6));
        DetectResult r = detect.detect(mp4, new DetectOptions(null, null, false, false, 5));
        assertEquals(5, r.video().frames().size());
        assertEquals(20, r.video().info().frames());
        double sum = 0;
        int n = 0;
        for (DetectResult.Frame f : r.video().frames()) {
            if (f.fakeness() != null) {
                sum += f.fakeness();
                n++;
                assertEquals(f.fakeness(), f.faces().get(0).fakeness());
            } else {
                assertEquals(List.of(), f.faces());
            }
        }
        assertTrue(n >= 3 && n < 5, "the first frame has no face: " + r.toJson());
        assertEquals(sum / n, r.fakeness(), 1e-9, "the mean of the frames with a face");
        Map<String, Object> json = r.toJson();
        assertEquals(
                List.of(
                        "fakeness",
                        "label",
                        "threshold",
                        "model",
                        "version",
                        "video",
                        "frames",
                        "timings",
                        "batch_size"),
                List.copyOf(json.keySet()));
        ApiException aligned =
                assertThrows(ApiException.class, () -> detect.detect(mp4, new DetectOptions(null, null, true)));
        assertEquals("aligned-video", aligned.problem());
        ApiException many = assertThrows(
                ApiException.class, () -> detect.detect(mp4, new DetectOptions(null, null, false, false, 99)));
        assertEquals("bad-frames", many.problem());
    }

    @Test
    void aFaceStageClosedBySwapIsReplacedWithoutAnError() throws Exception {
        RgbImage a = decoded(Images.encode(Images.gradient(64, 64), "png"));
        FaceStage replacement = stage(TestPackages.FACE, List.of(new FaceStage.Face(a, new FaceBox(1, 2, 3, 4, 0.9f))));
        FaceStage closing = new FaceStage() {
            @Override
            public FacePreprocessorInfo info() {
                return TestPackages.FACE;
            }

            @Override
            public List<Face> faces(RgbImage frame, int maxFaces) {
                // the swap: the new stage arrives a moment after this one was closed
                new Thread(() -> {
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                return;
                            }
                            faces.set(replacement);
                        })
                        .start();
                throw new FaceStage.Closed(new IllegalStateException("face preprocessor closed"));
            }
        };
        faces.set(closing);
        DetectResult r =
                detect.detect(Images.encode(Images.gradient(80, 80), "png"), new DetectOptions(null, null, false));
        assertEquals(direct(a), r.fakeness(), 1e-6);
    }

    @Test
    void unknownModelsAndVersionsAre404() {
        byte[] img = Images.encode(Images.gradient(50, 50), "png");
        ApiException m = assertThrows(ApiException.class, () -> detect.detect(img, new DetectOptions("x", null, true)));
        assertEquals(404, m.status());
        ApiException v = assertThrows(ApiException.class, () -> detect.detect(img, new DetectOptions("m", "7", true)));
        assertEquals("unknown-version", v.problem());
        assertTrue(v.getMessage().contains("versions serving: [1]"), v.getMessage());
    }

    static FaceStage stage(FacePreprocessorInfo info, List<FaceStage.Face> faces) {
        return new FaceStage() {
            @Override
            public FacePreprocessorInfo info() {
                return info;
            }

            @Override
            public List<Face> faces(RgbImage frame, int maxFaces) {
                return faces.subList(0, Math.min(maxFaces, faces.size()));
            }
        };
    }
}
