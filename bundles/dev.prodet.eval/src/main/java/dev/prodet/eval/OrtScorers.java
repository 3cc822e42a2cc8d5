package dev.prodet.eval;

import dev.prodet.api.model.Scorer;
import dev.prodet.eval.internal.ort.OrtScorerFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Plain-Java entry point to the scorer {@code ./prodet eval} uses for model packages (the {@code onnx} scorer
 * plugin), for code that runs without Declarative Services, such as the Spark scan job. The package is verified
 * (checksum, {@code p_fake} output) exactly as evaluation verifies it, and scored in one ONNX Runtime session with
 * every graph optimisation on, so scores agree with evaluation's.
 */
public final class OrtScorers {

    private OrtScorers() {}

    /**
     * Opens a model package as evaluation does.
     *
     * @param packageDir folder with {@code model.onnx} and {@code model.json}
     * @throws IOException naming the file when the package is missing, altered or cannot be loaded
     */
    public static Scorer open(Path packageDir) throws IOException {
        return new OrtScorerFactory().open(packageDir);
    }

    /**
     * As {@link #open(Path)}, with a fixed number of ONNX Runtime intra-op threads.
     *
     * @param intraOpThreads threads per inference call, at least 1 (0: ONNX Runtime's default)
     */
    public static Scorer open(Path packageDir, int intraOpThreads) throws IOException {
        return new OrtScorerFactory(intraOpThreads).open(packageDir);
    }
}
