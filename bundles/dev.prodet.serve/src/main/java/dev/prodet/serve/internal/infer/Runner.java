package dev.prodet.serve.internal.infer;

/** Runs requests on one model version: directly or through a dynamic batcher. Thread-safe. */
public interface Runner extends AutoCloseable {

    /**
     * Runs {@code count} items.
     *
     * @param input {@code count * itemSize} floats, laid out as the model input
     * @param count items, &gt; 0
     */
    RunResult run(float[] input, int count) throws InferenceException;

    /** Stops accepting work; called after the last request has finished. */
    @Override
    void close();

    /** Observes session runs, e.g. to record batch sizes. */
    interface Listener {
        /** One session run of {@code batchSize} items took {@code runNanos}. */
        void batch(String model, String version, int batchSize, long runNanos);
    }
}
