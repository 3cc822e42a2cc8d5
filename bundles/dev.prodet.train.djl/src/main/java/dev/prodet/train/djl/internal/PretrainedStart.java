package dev.prodet.train.djl.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.PretrainedWeights;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The starting values of a fresh run's backbone from {@code model.pretrained}: the file is loaded into the
 * backbone's description (the same parameter names the full network has), so every backbone parameter comes from
 * it except those the layout re-initialises; heads keep their seeded initial values.
 */
final class PretrainedStart {
    private PretrainedStart() {}

    /**
     * @param file the weights file, relative to {@code home}, or {@code null} for none
     * @return parameter name → values, or {@code null} when no file is configured
     */
    static Map<String, float[]> values(String file, Backbone backbone, int inputSize, Path home, PrintStream out)
            throws IOException {
        if (file == null) {
            return null;
        }
        Path path = home.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("model.pretrained: " + path + " does not exist; convert the published "
                    + "weights to safetensors as the README shows, or start from random weights with "
                    + "--set model.pretrained=null");
        }
        NetworkBuilder b = new NetworkBuilder(backbone.spec(inputSize).name());
        b.output("features", backbone.build(b, b.input("image", 3, inputSize, inputSize), inputSize));
        PretrainedWeights.Loaded loaded = PretrainedWeights.load(path, b.build(), backbone.weightNames());
        out.printf(
                "[train] pretrained %s: %d tensors from %s (%s layout)%s%n",
                backbone.spec(inputSize).name(),
                loaded.values().size(),
                file,
                loaded.layout(),
                loaded.reinitialised().isEmpty()
                        ? ""
                        : ", re-initialised after loading as DeepfakeBench does: " + loaded.reinitialised());
        return loaded.values();
    }
}
