package dev.prodet.eval.internal.run;

/**
 * The score of one face.
 *
 * @param videoId dataset video id
 * @param label 0 real, 1 fake
 * @param frameIndex index among the video's sampled frames
 * @param path crop path relative to the dataset root
 * @param score fake probability
 */
public record Prediction(String videoId, int label, int frameIndex, String path, double score) {}
