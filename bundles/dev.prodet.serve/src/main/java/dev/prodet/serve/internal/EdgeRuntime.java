package dev.prodet.serve.internal;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.serve.internal.detect.DetectService;
import dev.prodet.serve.internal.detect.FaceStages;
import dev.prodet.serve.internal.repo.ModelRepository;

/**
 * The parts of a running edge runtime that its shell commands and {@code Detector} services read.
 *
 * @param settings the settings in force
 * @param repository the model repository
 * @param detect the detect pipeline
 * @param faces the face stage in place, replaced when the face preprocessor is swapped
 */
public record EdgeRuntime(ServeSettings settings, ModelRepository repository, DetectService detect, FaceStages faces) {

    /** The face preprocessor in use, or null. */
    public FacePreprocessorInfo facePreprocessor() {
        return faces.info();
    }
}
