package dev.prodet.api.model;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Scores preprocessed face crops with one model: the fake probability per image. Obtained from a
 * {@link ScorerFactory}; evaluation uses it to score a checkpoint (training engine) and a model package (ONNX
 * Runtime) the same way. Not thread-safe unless the implementation says so; close it to free the engine's memory.
 */
@ProviderType
public interface Scorer extends AutoCloseable {

    /** How the inputs must be made (size, mean/std, face preprocessor). */
    Preprocessing preprocessing();

    /**
     * Fake probabilities of {@code count} images laid out as {@link InputTensors#fill} writes them.
     *
     * @param images {@code count × 3 × size × size} floats, CHW per image
     * @param count number of images, &gt; 0
     * @return {@code count} probabilities in [0, 1]
     */
    float[] score(float[] images, int count);

    /**
     * Penultimate features of the images (the input of the final classifier, globally pooled), for 2-D maps of the
     * latent space; {@code count × featureWidth} floats, row-major.
     */
    float[] features(float[] images, int count);

    @Override
    void close();
}
