package dev.prodet.serve.internal.detect;

import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.load.MemoryBudget;
import dev.prodet.serve.internal.repo.Lease;
import dev.prodet.serve.internal.video.VideoDecoder;
import dev.prodet.serve.internal.video.VideoFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A video through the detect pipeline: frames sampled evenly, each frame's faces found and scored as an image's are
 * (its score is its highest face), and the video scored as evaluation scores videos, the mean of its frames' scores.
 * Frames are handled as they are decoded, one at a time, so memory holds one frame, not the video's.
 */
final class VideoDetect {
    private final DetectService pipeline;
    private final VideoDecoder videos;
    private final DetectService.StageTimer timer;

    VideoDetect(DetectService pipeline, VideoDecoder videos, DetectService.StageTimer timer) {
        this.pipeline = pipeline;
        this.videos = videos;
        this.timer = timer;
    }

    DetectResult detect(
            byte[] encoded, VideoFormat format, DetectOptions opt, MemoryBudget.Reservation memory, long deadline)
            throws ApiException {
        int frames = opt.frames() == 0 ? videos.limits().frames() : opt.frames();
        if (frames < 1 || frames > videos.limits().maxFrames()) {
            throw ApiException.badRequest(
                    "bad-frames",
                    "frames must be between 1 and " + videos.limits().maxFrames() + ", got " + opt.frames());
        }
        long t0 = System.nanoTime();
        long[] spent = new long[3]; // face, preprocess, infer
        int[] largestBatch = {0};
        List<DetectResult.Frame> scored = new ArrayList<>();
        try (Lease lease = pipeline.models().lease(pipeline.models().resolve(opt.model()), opt.version())) {
            ModelMetadata md = lease.version().metadata();
            VideoDecoder.Info info = videos.sample(encoded, format, frames, memory, deadline, (index, seconds, img) -> {
                long f0 = System.nanoTime();
                List<FaceStage.Face> faces = pipeline.faces(img, md);
                spent[0] += System.nanoTime() - f0;
                if (faces.isEmpty()) {
                    scored.add(new DetectResult.Frame(index, seconds, null, List.of()));
                    return;
                }
                FaceScorer.Scored s = FaceScorer.score(lease, faces, opt.heatmap());
                spent[1] += s.preprocessNanos();
                spent[2] += s.run().runNanos();
                largestBatch[0] = Math.max(largestBatch[0], s.run().batchSize());
                scored.add(new DetectResult.Frame(index, seconds, s.max(), s.faces()));
            });
            double sum = 0;
            int withFace = 0;
            for (DetectResult.Frame f : scored) {
                if (f.fakeness() != null) {
                    sum += f.fakeness();
                    withFace++;
                }
            }
            if (withFace == 0) {
                throw new ApiException(
                        422, "no-face", "no face was found in the " + scored.size() + " frames sampled from the video");
            }
            long total = System.nanoTime() - t0;
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("decode", (total - spent[0] - spent[1] - spent[2]) / 1e6);
            timings.put("face", spent[0] / 1e6);
            timings.put("preprocess", spent[1] / 1e6);
            timings.put("infer", spent[2] / 1e6);
            timings.put("total", total / 1e6);
            timer.stage("video", total);
            double mean = sum / withFace;
            return new DetectResult(
                    mean,
                    DetectService.label(md, mean),
                    md.threshold(),
                    md.name(),
                    md.version(),
                    List.of(),
                    timings,
                    largestBatch[0],
                    new DetectResult.Video(format, info, scored));
        }
    }
}
