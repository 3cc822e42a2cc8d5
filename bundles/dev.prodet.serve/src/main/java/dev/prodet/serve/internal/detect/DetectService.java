package dev.prodet.serve.internal.detect;

import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.api.ModelAccess;
import dev.prodet.serve.internal.image.ImageDecoder;
import dev.prodet.serve.internal.load.MemoryBudget;
import dev.prodet.serve.internal.repo.Lease;
import dev.prodet.serve.internal.video.VideoDecoder;
import dev.prodet.serve.internal.video.VideoFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The detect pipeline: decode (an image, or frames of a video) → faces (or the aligned crop as given) →
 * training-identical input tensors → model → fakeness. Every stage is timed; what decoding holds is reserved from the
 * memory budget for the whole request; the request holds its model version from the face stage to the answer, so a
 * version swap never changes the model under a request.
 */
public final class DetectService {

    /** Receives stage durations (metrics). */
    public interface StageTimer {
        /** One stage of one request took {@code nanos}. */
        void stage(String stage, long nanos);
    }

    /**
     * How the pipeline is bounded.
     *
     * @param maxFaces faces scored per image or frame at most (largest first, chosen before alignment)
     * @param requestTimeoutMillis a video's decoding must end within this time
     * @param faceWaitMillis how long a request waits for a face preprocessor during a swap
     * @param retryAfterSeconds the {@code Retry-After} of 503 answers
     */
    public record Limits(int maxFaces, long requestTimeoutMillis, long faceWaitMillis, int retryAfterSeconds) {}

    private final ModelAccess models;
    private final ImageDecoder decoder;
    private final VideoDecoder videos;
    private final MemoryBudget budget;
    private final FaceFinder faces;
    private final Limits limits;
    private final StageTimer timer;

    /**
     * @param models model access
     * @param decoder image decoder with its limits
     * @param videos video decoder with its limits
     * @param budget the memory budget decoding reserves from
     * @param faceStages the face stage now in place
     * @param limits faces per image, timeouts
     * @param timer stage observer
     */
    public DetectService(
            ModelAccess models,
            ImageDecoder decoder,
            VideoDecoder videos,
            MemoryBudget budget,
            FaceStages faceStages,
            Limits limits,
            StageTimer timer) {
        this.models = models;
        this.decoder = decoder;
        this.videos = videos;
        this.budget = budget;
        this.faces = new FaceFinder(faceStages, limits.faceWaitMillis(), limits.retryAfterSeconds());
        this.limits = limits;
        this.timer = timer;
    }

    /**
     * Scores one encoded image (JPEG, PNG) or video (MP4, WebM).
     *
     * @throws ApiException naming the problem: 4xx for the input, 5xx for the server
     */
    public DetectResult detect(byte[] encoded, DetectOptions opt) throws ApiException {
        long t0 = System.nanoTime();
        VideoFormat video = VideoFormat.of(encoded);
        try (MemoryBudget.Reservation memory = budget.open()) {
            if (video != null) {
                if (opt.aligned()) {
                    throw ApiException.badRequest("aligned-video", "aligned=true takes one face crop, not a video");
                }
                long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(limits.requestTimeoutMillis());
                return new VideoDetect(this, videos, timer).detect(encoded, video, opt, memory, deadline);
            }
            Map<String, Double> timings = new LinkedHashMap<>();
            RgbImage image = decoder.decode(encoded, memory);
            long t1 = mark(timings, "decode", t0);
            try (Lease lease = models.lease(models.resolve(opt.model()), opt.version())) {
                ModelMetadata md = lease.version().metadata();
                List<FaceStage.Face> found = opt.aligned()
                        ? List.of(new FaceStage.Face(image, new FaceBox(0, 0, image.width(), image.height(), 1f)))
                        : faces(image, md);
                if (found.isEmpty()) {
                    throw new ApiException(
                            422,
                            "no-face",
                            "no face was found in the " + image.width() + "x" + image.height() + " image");
                }
                mark(timings, "face", t1);
                FaceScorer.Scored s = FaceScorer.score(lease, found, opt.heatmap());
                record(timings, "preprocess", s.preprocessNanos());
                record(timings, "queue", s.run().queueNanos());
                record(timings, "infer", s.run().runNanos());
                timings.put("total", (System.nanoTime() - t0) / 1e6);
                return new DetectResult(
                        s.max(),
                        label(md, s.max()),
                        md.threshold(),
                        md.name(),
                        md.version(),
                        s.faces(),
                        timings,
                        s.run().batchSize(),
                        null);
            }
        }
    }

    /** The faces of a frame with the face stage in place (at most maxFaces, largest first); may be empty. */
    List<FaceStage.Face> faces(RgbImage image, ModelMetadata md) throws ApiException {
        return faces.find(image, md, limits.maxFaces());
    }

    ModelAccess models() {
        return models;
    }

    private long mark(Map<String, Double> timings, String stage, long since) {
        long now = System.nanoTime();
        record(timings, stage, now - since);
        return now;
    }

    private void record(Map<String, Double> timings, String stage, long nanos) {
        timings.put(stage, nanos / 1e6);
        timer.stage(stage, nanos);
    }

    static String label(ModelMetadata md, double fakeness) {
        boolean fake = fakeness >= md.threshold();
        List<String> labels = md.labels();
        if (labels.size() == 2) {
            return labels.get(fake ? 1 : 0);
        }
        return fake ? "fake" : "real";
    }
}
