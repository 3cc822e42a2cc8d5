package dev.prodet.serve.internal.api;

import java.util.List;

/**
 * A parsed KServe v2 inference request with its tensors in JSON form.
 *
 * @param id the request id, or {@code null}
 * @param inputs the input tensors
 * @param outputs the requested output names; empty means all
 */
public record InferRequest(String id, List<Input> inputs, List<String> outputs) {

    /**
     * One input tensor.
     *
     * @param name tensor name
     * @param shape dimensions
     * @param datatype KServe datatype, e.g. {@code FP32}
     * @param data values, flattened row-major
     */
    public record Input(String name, long[] shape, String datatype, float[] data) {}
}
