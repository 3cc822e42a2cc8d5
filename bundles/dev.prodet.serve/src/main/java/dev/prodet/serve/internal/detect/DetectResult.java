package dev.prodet.serve.internal.detect;

import dev.prodet.api.face.FaceBox;
import dev.prodet.api.serve.Detection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /v1/detect}.
 *
 * @param fakeness the highest fakeness of the faces, in [0, 1]
 * @param label {@code fake} when fakeness ≥ threshold, else {@code real} (the model's labels)
 * @param threshold the model's threshold
 * @param model model name
 * @param version model version
 * @param faces every face scored, largest first
 * @param timings milliseconds per stage
 * @param batchSize items in the session run that served the request
 */
public record DetectResult(
        double fakeness,
        String label,
        double threshold,
        String model,
        String version,
        List<ScoredFace> faces,
        Map<String, Double> timings,
        int batchSize) {

    /**
     * One face.
     *
     * @param box where it is in the image, with the detector's score
     * @param fakeness this face's fakeness
     * @param heatmap the attention heatmap as a PNG data URL, or {@code null} when not asked for
     */
    public record ScoredFace(FaceBox box, double fakeness, String heatmap) {}

    /** The JSON body: {@code {fakeness, label, threshold, model, version, faces:[{box, score, fakeness}], timings}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fakeness", fakeness);
        m.put("label", label);
        m.put("threshold", threshold);
        m.put("model", model);
        m.put("version", version);
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
        m.put("faces", fs);
        m.put("timings", timings);
        m.put("batch_size", batchSize);
        return m;
    }

    /** As the API's {@link Detection}. */
    public Detection toDetection() {
        return new Detection(
                fakeness,
                label,
                threshold,
                model,
                version,
                faces.stream().map(ScoredFace::box).toList(),
                timings);
    }
}
