package dev.prodet.serve.internal.infer;

import dev.prodet.api.model.ModelMetadata;
import java.util.Map;

/**
 * One loaded model version. {@link #run} is thread-safe; {@link #close()} is called once, after the last run.
 */
public interface InferenceModel extends AutoCloseable {

    /** The verified metadata of the package. */
    ModelMetadata metadata();

    /** The execution provider the session runs on, e.g. {@code CPU} or {@code CUDA}. */
    String provider();

    /** Shape of one batch item of the single input, e.g. {@code [3, 256, 256]}. */
    long[] itemShape();

    /** Floats per batch item of the input. */
    default int itemSize() {
        return (int) Tensor.elements(itemShape());
    }

    /**
     * Runs a batch.
     *
     * @param input {@code count * itemSize()} floats
     * @param count batch size, &gt; 0
     * @return every output named in the metadata, by name, first dimension {@code count}
     */
    Map<String, Tensor> run(float[] input, int count) throws InferenceException;

    @Override
    void close();
}
