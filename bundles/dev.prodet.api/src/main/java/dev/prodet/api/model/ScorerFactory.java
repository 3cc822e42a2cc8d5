package dev.prodet.api.model;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens {@link Scorer}s for one kind of model source. Registered as a plugin of kind {@code scorer}
 * ({@code prodet.scorer.name} = {@code onnx} for model packages, {@code djl} for training checkpoints).
 */
@ConsumerType
public interface ScorerFactory {

    /** Whether {@code source} (a folder) is something this factory opens, e.g. it holds model.onnx or params.bin. */
    boolean accepts(Path source);

    /** Opens a scorer; errors name the file and the problem (checksum, missing parameter, ...). */
    Scorer open(Path source) throws IOException;
}
