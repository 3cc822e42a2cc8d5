package dev.prodet.api.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content of {@code model.json}: everything a runtime needs to serve {@code model.onnx} correctly and everything
 * a person needs to know where it came from. Serialised by Jackson, one JSON key per record component.
 *
 * @param formatVersion version of this file format, {@link #FORMAT_VERSION} when written by this code
 * @param name model name; a directory name in the model repository
 * @param version model version; a directory name in the model repository
 * @param inputs graph inputs, at least one, unique names
 * @param outputs graph outputs, at least one, unique names
 * @param opset ONNX opset of the default domain
 * @param preprocessing how to make the input from a face
 * @param threshold fakeness at or above which the label is "fake", in [0, 1]
 * @param thresholdChoice how {@code threshold} was chosen (since format version 2; a version-1 file reads as
 *     {@link ThresholdChoice#notChosen()})
 * @param labels class labels in output order, e.g. {@code [real, fake]}
 * @param provenance where the model came from
 * @param metrics evaluation metrics by name (e.g. {@code auc.cdfv2}); may be empty
 * @param sha256 lower-case hex SHA-256 of {@code model.onnx}; {@code null} only before the package is written
 */
public record ModelMetadata(
        int formatVersion,
        String name,
        String version,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        int opset,
        Preprocessing preprocessing,
        double threshold,
        ThresholdChoice thresholdChoice,
        List<String> labels,
        Provenance provenance,
        Map<String, Double> metrics,
        String sha256) {

    /**
     * The format version this code writes and the highest it reads (2: {@code thresholdChoice} added; 3:
     * {@code provenance.pretrained} added, {@code provenance.framesPerVideo} measured).
     */
    public static final int FORMAT_VERSION = 3;

    /** Validates the fields and copies the collections. */
    public ModelMetadata {
        Checks.atLeast("ModelMetadata", "formatVersion", formatVersion, 1);
        Checks.segment("ModelMetadata", "name", name);
        Checks.segment("ModelMetadata", "version", version);
        inputs = uniqueNames("inputs", inputs);
        outputs = uniqueNames("outputs", outputs);
        Checks.atLeast("ModelMetadata", "opset", opset, 1);
        Checks.notNull("ModelMetadata", "preprocessing", preprocessing);
        Checks.unit("ModelMetadata", "threshold", threshold);
        Checks.notNull("ModelMetadata", "thresholdChoice", thresholdChoice);
        labels = Checks.list("ModelMetadata", "labels", labels, false);
        Checks.notNull("ModelMetadata", "provenance", provenance);
        metrics = copyMetrics(metrics);
        Checks.sha256("ModelMetadata", "sha256", sha256, true);
    }

    /** Metadata whose threshold was not chosen on data ({@link ThresholdChoice#notChosen()}). */
    public ModelMetadata(
            int formatVersion,
            String name,
            String version,
            List<TensorSpec> inputs,
            List<TensorSpec> outputs,
            int opset,
            Preprocessing preprocessing,
            double threshold,
            List<String> labels,
            Provenance provenance,
            Map<String, Double> metrics,
            String sha256) {
        this(
                formatVersion,
                name,
                version,
                inputs,
                outputs,
                opset,
                preprocessing,
                threshold,
                ThresholdChoice.notChosen(),
                labels,
                provenance,
                metrics,
                sha256);
    }

    /** This metadata with another checksum; used by the package writer. */
    public ModelMetadata withSha256(String newSha256) {
        return new ModelMetadata(
                formatVersion,
                name,
                version,
                inputs,
                outputs,
                opset,
                preprocessing,
                threshold,
                thresholdChoice,
                labels,
                provenance,
                metrics,
                newSha256);
    }

    /**
     * This metadata with another threshold and the record of how it was chosen, in the current format version.
     *
     * @since 1.1
     */
    public ModelMetadata withThreshold(double newThreshold, ThresholdChoice choice) {
        return new ModelMetadata(
                FORMAT_VERSION,
                name,
                version,
                inputs,
                outputs,
                opset,
                preprocessing,
                newThreshold,
                choice,
                labels,
                provenance,
                metrics,
                sha256);
    }

    private static List<TensorSpec> uniqueNames(String field, List<TensorSpec> specs) {
        List<TensorSpec> copy = Checks.list("ModelMetadata", field, specs, false);
        Set<String> seen = new HashSet<>();
        for (TensorSpec s : copy) {
            if (!seen.add(s.name())) {
                throw new IllegalArgumentException(
                        "ModelMetadata." + field + " names must be unique, '" + s.name() + "' appears twice");
            }
        }
        return copy;
    }

    // Sorted, so that model.json is byte-for-byte reproducible.
    private static Map<String, Double> copyMetrics(Map<String, Double> metrics) {
        Checks.notNull("ModelMetadata", "metrics", metrics);
        Map<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("ModelMetadata.metrics keys must not be empty, got: "
                        + (e.getKey() == null ? "null" : "'" + e.getKey() + "'"));
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException(
                        "ModelMetadata.metrics['" + e.getKey() + "'] must be a finite number, got: " + e.getValue());
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
