package dev.prodet.api.serve;

import dev.prodet.api.face.FaceBox;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of running a detector on one image.
 *
 * @param fakeness probability that the image is fake, in [0, 1]
 * @param label the label chosen by comparing {@code fakeness} with {@code threshold}, e.g. {@code fake}
 * @param threshold the decision threshold used, in [0, 1]
 * @param model name of the model that scored the image
 * @param version version of that model
 * @param faces the faces found, in the order they were scored; may be empty
 * @param timings milliseconds per stage in pipeline order, e.g. {@code decode}, {@code face}, {@code infer}
 */
public record Detection(
        double fakeness,
        String label,
        double threshold,
        String model,
        String version,
        List<FaceBox> faces,
        Map<String, Double> timings) {

    /** Validates the fields and copies the collections (timings keep their order). */
    public Detection {
        unit("fakeness", fakeness);
        text("label", label);
        unit("threshold", threshold);
        text("model", model);
        text("version", version);
        if (faces == null) {
            throw new IllegalArgumentException("Detection.faces must not be null");
        }
        for (FaceBox f : faces) { // not contains(null): immutable lists throw on it
            if (f == null) {
                throw new IllegalArgumentException("Detection.faces must not contain null, got: " + faces);
            }
        }
        faces = List.copyOf(faces);
        if (timings == null) {
            throw new IllegalArgumentException("Detection.timings must not be null");
        }
        Map<String, Double> t = new LinkedHashMap<>();
        timings.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null || !(v >= 0) || v.isInfinite()) {
                throw new IllegalArgumentException(
                        "Detection.timings entries must be named and >= 0 ms, got: " + k + "=" + v);
            }
            t.put(k, v);
        });
        timings = Collections.unmodifiableMap(t);
    }

    private static void unit(String field, double value) {
        if (!(value >= 0 && value <= 1)) { // also rejects NaN
            throw new IllegalArgumentException("Detection." + field + " must be in [0, 1], got: " + value);
        }
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "Detection." + field + " must not be empty, got: " + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
