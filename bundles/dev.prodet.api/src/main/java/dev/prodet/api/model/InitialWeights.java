package dev.prodet.api.model;

import dev.prodet.api.io.Sha256;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The weights file a training run's backbone started from ({@code model.pretrained}), recorded in the run's
 * checkpoints and in {@code model.json}, so that a detector can be traced to the pretrained network under it (and its
 * licence).
 *
 * @param file the file as the training configuration names it, e.g.
 *     {@code weights/mobilenetv2-imagenet-nsfwjs.safetensors}
 * @param sha256 SHA-256 of the file when the run started, 64 lower-case hex digits
 * @since 1.3
 */
public record InitialWeights(String file, String sha256) {

    /** Validates the fields. */
    public InitialWeights {
        Checks.text("InitialWeights", "file", file);
        Checks.sha256("InitialWeights", "sha256", sha256, false);
    }

    /**
     * Records a weights file now.
     *
     * @param named the file as the configuration names it
     * @param path where it is
     */
    public static InitialWeights of(String named, Path path) throws IOException {
        return new InitialWeights(named, Sha256.of(path));
    }
}
