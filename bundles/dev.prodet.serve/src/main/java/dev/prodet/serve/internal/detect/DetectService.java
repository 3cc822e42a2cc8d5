package dev.prodet.serve.internal.detect;

import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.serve.internal.api.ApiException;
import dev.prodet.serve.internal.api.ModelAccess;
import dev.prodet.serve.internal.image.ImageDecoder;
import dev.prodet.serve.internal.infer.RunResult;
import dev.prodet.serve.internal.infer.Tensor;
import dev.prodet.serve.internal.repo.Lease;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The detect pipeline: decode → faces (or the aligned crop as given) → training-identical input tensors → model →
 * fakeness. Every stage is timed; the request holds its model version from the face stage to the answer, so a
 * version swap never changes the model under a request.
 */
public final class DetectService {

    /** Receives stage durations (metrics). */
    public interface StageTimer {
        /** One stage of one request took {@code nanos}. */
        void stage(String stage, long nanos);
    }

    private final ModelAccess models;
    private final ImageDecoder decoder;
    private final Supplier<FaceStage> faceStage;
    private final int maxFaces;
    private final StageTimer timer;

    /**
     * @param models model access
     * @param decoder image decoder with its limits
     * @param faceStage the face stage now available, or null result when none is
     * @param maxFaces faces scored per image at most (largest first)
     * @param timer stage observer
     */
    public DetectService(
            ModelAccess models, ImageDecoder decoder, Supplier<FaceStage> faceStage, int maxFaces, StageTimer timer) {
        this.models = models;
        this.decoder = decoder;
        this.faceStage = faceStage;
        this.maxFaces = maxFaces;
        this.timer = timer;
    }

    /**
     * Scores one encoded image.
     *
     * @throws ApiException naming the problem: 4xx for the input, 5xx for the server
     */
    public DetectResult detect(byte[] encoded, DetectOptions opt) throws ApiException {
        Map<String, Double> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        RgbImage image = decoder.decode(encoded);
        long t1 = mark(timings, "decode", t0);
        String name = models.resolve(opt.model());
        try (Lease lease = models.lease(name, opt.version())) {
            ModelMetadata md = lease.version().metadata();
            Preprocessing pre = md.preprocessing();
            List<FaceStage.Face> faces = opt.aligned()
                    ? List.of(new FaceStage.Face(image, new FaceBox(0, 0, image.width(), image.height(), 1f)))
                    : findFaces(image, pre.facePreprocessor(), md);
            long t2 = mark(timings, "face", t1);
            int n = faces.size();
            int size = InputTensors.size(pre);
            float[] input = new float[n * size];
            for (int i = 0; i < n; i++) {
                InputTensors.fill(faces.get(i).crop(), pre, input, i * size);
            }
            mark(timings, "preprocess", t2);
            RunResult r = ModelAccess.run(lease, input, n);
            double[] scores = Fakeness.of(r.outputs(), n);
            timings.put("queue", r.queueNanos() / 1e6);
            timer.stage("queue", r.queueNanos());
            timings.put("infer", r.runNanos() / 1e6);
            timer.stage("infer", r.runNanos());
            Tensor attention = r.outputs().get(Heatmaps.ATTENTION);
            if (opt.heatmap() && attention == null) {
                throw ApiException.badRequest(
                        "no-heatmap", "model " + md.name() + " has no " + Heatmaps.ATTENTION + " output");
            }
            List<DetectResult.ScoredFace> scored = new ArrayList<>();
            double max = 0;
            for (int i = 0; i < n; i++) {
                String heatmap = opt.heatmap() ? Heatmaps.png(attention, i, pre.inputSize()) : null;
                scored.add(new DetectResult.ScoredFace(faces.get(i).box(), scores[i], heatmap));
                max = Math.max(max, scores[i]);
            }
            timings.put("total", (System.nanoTime() - t0) / 1e6);
            return new DetectResult(
                    max, label(md, max), md.threshold(), md.name(), md.version(), scored, timings, r.batchSize());
        }
    }

    private List<FaceStage.Face> findFaces(RgbImage image, FacePreprocessorInfo trained, ModelMetadata md)
            throws ApiException {
        FaceStage stage = faceStage.get();
        if (stage == null) {
            throw new ApiException(
                    503,
                    "no-face-preprocessor",
                    "no face preprocessor is available (is the "
                            + "dev.prodet.face bundle active?); send an aligned face crop with aligned=true instead");
        }
        if (!stage.info().equals(trained)) {
            throw new ApiException(
                    409,
                    "preprocessor-mismatch",
                    "model " + md.name() + " version " + md.version()
                            + " was trained on crops from " + trained + " but this runtime's face preprocessor is "
                            + stage.info()
                            + "; send aligned crops with aligned=true or deploy the matching preprocessor");
        }
        List<FaceStage.Face> faces;
        try {
            faces = stage.faces(image);
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    422, "face-detection-failed", "face detection cannot process this image: " + e.getMessage());
        } catch (IllegalStateException e) { // e.g. face models not fetched: the server's problem, not the image's
            throw new ApiException(
                    503, "face-preprocessing-unavailable", "face preprocessing is unavailable: " + e.getMessage());
        }
        if (faces.isEmpty()) {
            throw new ApiException(
                    422, "no-face", "no face was found in the " + image.width() + "x" + image.height() + " image");
        }
        return faces.size() > maxFaces ? faces.subList(0, maxFaces) : faces;
    }

    private long mark(Map<String, Double> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.put(stage, (now - since) / 1e6);
        timer.stage(stage, now - since);
        return now;
    }

    private static String label(ModelMetadata md, double fakeness) {
        boolean fake = fakeness >= md.threshold();
        List<String> labels = md.labels();
        if (labels.size() == 2) {
            return labels.get(fake ? 1 : 0);
        }
        return fake ? "fake" : "real";
    }
}
