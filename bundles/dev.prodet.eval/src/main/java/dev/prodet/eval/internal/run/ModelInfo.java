package dev.prodet.eval.internal.run;

import dev.prodet.api.model.Preprocessing;
import java.nio.file.Path;

/**
 * What was evaluated.
 *
 * @param path the model package or checkpoint folder
 * @param scorer name of the scorer plugin that opened it ({@code onnx}, {@code djl}, ...)
 * @param name model name (package name, or the folder name)
 * @param version model version, or {@code null} for a checkpoint
 * @param threshold fakeness threshold used for accuracy
 * @param preprocessing the model's input preprocessing
 */
public record ModelInfo(
        Path path, String scorer, String name, String version, double threshold, Preprocessing preprocessing) {}
