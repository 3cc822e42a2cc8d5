package dev.prodet.spark.internal.executor;

import dev.prodet.api.model.Scorer;
import dev.prodet.eval.OrtScorers;
import dev.prodet.face.FacePipelines;
import dev.prodet.face.StandaloneFacePreprocessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.opencv.global.opencv_core;

/**
 * The face pipeline and scorers of one executor JVM, loaded at first use and shared by its task threads (both are
 * thread-safe). Loading fails with the reason (missing or altered model) and is retried by the next task, so every
 * item reports it.
 */
public final class ExecutorModels {

    private static final Map<String, StandaloneFacePreprocessor> FACES = new ConcurrentHashMap<>();
    private static final Map<String, Scorer> SCORERS = new ConcurrentHashMap<>();

    private ExecutorModels() {}

    /**
     * The face pipeline reading its models from {@code assets}.
     *
     * @param threadsPerTask cores one task may use (Spark's {@code spark.task.cpus}); OpenCV's own pool is held to
     *     it, so that task slots, not a library, decide how many cores work
     */
    public static StandaloneFacePreprocessor faces(ShippedFolder assets, int threadsPerTask) {
        return FACES.computeIfAbsent(assets.tag() + "\u0000" + assets.driverDir(), k -> {
            opencv_core.setNumThreads(threadsPerTask);
            return FacePipelines.open(assets.dir());
        });
    }

    /** The model package's scorer, with {@code threadsPerTask} ONNX Runtime threads per call. */
    public static Scorer scorer(ShippedFolder pkg, int threadsPerTask) {
        return SCORERS.computeIfAbsent(pkg.tag() + "\u0000" + pkg.driverDir(), k -> {
            try {
                return OrtScorers.open(pkg.dir(), threadsPerTask);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        });
    }
}
