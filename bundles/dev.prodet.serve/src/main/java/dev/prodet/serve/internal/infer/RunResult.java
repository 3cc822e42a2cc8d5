package dev.prodet.serve.internal.infer;

import java.util.Map;

/**
 * The outputs of one request and how it was run.
 *
 * @param outputs the request's rows of every output
 * @param batchSize the number of items in the session run that served it (larger than the request when batched)
 * @param queueNanos time spent waiting for the batch to form and the model to be free
 * @param runNanos time of the session run
 */
public record RunResult(Map<String, Tensor> outputs, int batchSize, long queueNanos, long runNanos) {}
