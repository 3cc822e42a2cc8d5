package dev.prodet.api.model;

import dev.prodet.api.face.FacePreprocessorInfo;
import java.util.List;

/**
 * How to turn a face into the model input: the crop pipeline that must have made it, the input size, and the
 * per-channel normalisation {@code x = (pixel/255 - mean) / std}. ProDet: 256, mean = std = 0.5, RGB.
 *
 * @param inputSize side of the square input in pixels
 * @param mean per-channel mean, 3 values in channel order
 * @param std per-channel standard deviation, 3 values &gt; 0
 * @param colorOrder channel order of the input, {@code RGB} or {@code BGR}
 * @param facePreprocessor the face preprocessing that produced the training crops; serving must use the same
 */
public record Preprocessing(
        int inputSize, List<Double> mean, List<Double> std, String colorOrder, FacePreprocessorInfo facePreprocessor) {

    /** Validates the fields. */
    public Preprocessing {
        Checks.atLeast("Preprocessing", "inputSize", inputSize, 1);
        mean = channels("mean", mean, false);
        std = channels("std", std, true);
        if (!"RGB".equals(colorOrder) && !"BGR".equals(colorOrder)) {
            throw new IllegalArgumentException("Preprocessing.colorOrder must be RGB or BGR, got: " + colorOrder);
        }
        Checks.notNull("Preprocessing", "facePreprocessor", facePreprocessor);
    }

    private static List<Double> channels(String field, List<Double> values, boolean positive) {
        List<Double> v = Checks.list("Preprocessing", field, values, false);
        if (v.size() != 3) {
            throw new IllegalArgumentException(
                    "Preprocessing." + field + " must hold 3 values (one per channel), got: " + v);
        }
        for (double d : v) {
            if (!Double.isFinite(d) || positive && d <= 0) {
                throw new IllegalArgumentException("Preprocessing." + field + " values must be finite"
                        + (positive ? " and > 0" : "") + ", got: " + v);
            }
        }
        return v;
    }
}
