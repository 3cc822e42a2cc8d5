package dev.prodet.api.model;

import dev.prodet.api.nn.TensorShape;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Name, shape and element type of one model input or output.
 *
 * @param name the ONNX graph input/output name
 * @param shape dimensions, outermost first; {@code -1} for a dynamic dimension (the batch)
 * @param dtype ONNX element type in lower case, e.g. {@code float32}, {@code int64}, {@code uint8}
 */
public record TensorSpec(String name, List<Long> shape, String dtype) {

    private static final Pattern DTYPE = Pattern.compile("[a-z][a-z0-9]*");

    /** Validates the fields; the shape must be a valid {@link TensorShape}. */
    public TensorSpec {
        Checks.text("TensorSpec", "name", name);
        shape = Checks.list("TensorSpec", "shape", shape, true);
        TensorShape.of(shape); // validates the dimensions
        if (dtype == null || !DTYPE.matcher(dtype).matches()) {
            throw new IllegalArgumentException(
                    "TensorSpec.dtype must be a lower-case ONNX type name such as float32, got: " + dtype);
        }
    }

    /** Convenience constructor from a {@link TensorShape}. */
    public TensorSpec(String name, TensorShape shape, String dtype) {
        this(name, Checks.notNull("TensorSpec", "shape", shape).toList(), dtype);
    }

    /** The shape as a {@link TensorShape}. */
    public TensorShape tensorShape() {
        return TensorShape.of(shape);
    }
}
