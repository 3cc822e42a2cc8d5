package dev.prodet.serve.internal.detect;

import dev.prodet.api.face.FaceBox;
import dev.prodet.api.serve.Detection;
import dev.prodet.serve.internal.video.VideoDecoder;
import dev.prodet.serve.internal.video.VideoFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /v1/detect}.
 *
 * @param fakeness an image: the highest fakeness of its faces; a video: the mean of its frames' scores (as
 *     evaluation computes video-level scores), in [0, 1]
 * @param label {@code fake} when fakeness ≥ threshold, else {@code real} (the model's labels)
 * @param threshold the model's threshold
 * @param model model name
 * @param version model version
 * @param faces every face scored, largest first (an image; empty for a video)
 * @param timings milliseconds per stage
 * @param batchSize items in the session run that served the request (a video: the largest)
 * @param video the video and its frames, or null for an image
 */
public record DetectResult(
        double fakeness,
        String label,
        double threshold,
        String model,
        String version,
        List<ScoredFace> faces,
        Map<String, Double> timings,
        int batchSize,
        Video video) {

    /**
     * One face.
     *
     * @param box where it is in the image, with the detector's score
     * @param fakeness this face's fakeness
     * @param heatmap the attention heatmap as a PNG data URL, or {@code null} when not asked for
     */
    public record ScoredFace(FaceBox box, double fakeness, String heatmap) {}

    /**
     * One sampled frame of a video.
     *
     * @param index frame number in the video
     * @param seconds its time
     * @param fakeness the highest fakeness of its faces, or null when it has none
     * @param faces its faces, largest first
     */
    public record Frame(int index, double seconds, Double fakeness, List<ScoredFace> faces) {}

    /**
     * A scored video.
     *
     * @param format its container
     * @param info size, length and codec
     * @param frames the sampled frames in order
     */
    public record Video(VideoFormat format, VideoDecoder.Info info, List<Frame> frames) {}

    /**
     * The JSON body: {@code {fakeness, label, threshold, model, version, faces:[{box, score, fakeness}], timings,
     * batch_size}}; a video has {@code video} and {@code frames:[{index, seconds, fakeness, faces}]} instead of
     * {@code faces}.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fakeness", fakeness);
        m.put("label", label);
        m.put("threshold", threshold);
        m.put("model", model);
        m.put("version", version);
        if (video == null) {
            m.put("faces", faces(faces));
        } else {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("format", video.format().name().toLowerCase(java.util.Locale.ROOT));
            v.put("codec", video.info().codec());
            v.put("width", video.info().width());
            v.put("height", video.info().height());
            v.put("seconds", video.info().seconds());
            v.put("frames", video.info().frames());
            m.put("video", v);
            List<Map<String, Object>> fs = new ArrayList<>();
            for (Frame f : video.frames()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("index", f.index());
                fm.put("seconds", f.seconds());
                fm.put("fakeness", f.fakeness());
                fm.put("faces", faces(f.faces()));
                fs.add(fm);
            }
            m.put("frames", fs);
        }
        m.put("timings", timings);
        m.put("batch_size", batchSize);
        return m;
    }

    private static List<Map<String, Object>> faces(List<ScoredFace> faces) {
        List<Map<String, Object>> fs = new ArrayList<>();
        for (ScoredFace f : faces) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put(
                    "box",
                    List.of(f.box().x(), f.box().y(), f.box().width(), f.box().height()));
            fm.put("score", f.box().score());
            fm.put("fakeness", f.fakeness());
            if (f.heatmap() != null) {
                fm.put("heatmap", f.heatmap());
            }
            fs.add(fm);
        }
        return fs;
    }

    /** As the API's {@link Detection} (a video: the faces of every frame). */
    public Detection toDetection() {
        List<FaceBox> boxes = video == null
                ? faces.stream().map(ScoredFace::box).toList()
                : video.frames().stream()
                        .flatMap(f -> f.faces().stream())
                        .map(ScoredFace::box)
                        .toList();
        return new Detection(fakeness, label, threshold, model, version, boxes, timings);
    }
}
