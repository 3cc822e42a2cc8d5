package dev.prodet.serve.internal.api;

import java.util.List;

/**
 * A parsed KServe v2 inference request, its tensors converted to 32-bit floats.
 *
 * @param id the request id, or {@code null}
 * @param inputs the input tensors
 * @param outputs the requested outputs; empty means all
 * @param binaryOutputs {@code parameters.binary_data_output}: outputs without their own choice come back as binary
 *     data
 */
public record InferRequest(String id, List<Input> inputs, List<Output> outputs, boolean binaryOutputs) {

    /**
     * One input tensor.
     *
     * @param name tensor name
     * @param shape dimensions
     * @param datatype KServe datatype as sent, e.g. {@code FP32} or {@code FP16}
     * @param data values, flattened row-major, as floats
     */
    public record Input(String name, long[] shape, String datatype, float[] data) {}

    /**
     * One requested output.
     *
     * @param name tensor name
     * @param binary {@code parameters.binary_data}: true or false as asked, null when not said
     */
    public record Output(String name, Boolean binary) {}
}
