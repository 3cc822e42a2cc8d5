package dev.prodet.export.onnx.internal.proto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Builds an ONNX {@code ModelProto} (field numbers of onnx.proto, IR version 8) from nodes, initializers, inputs and
 * outputs. Only what the exporter needs: float and int64 tensors, int/float/ints attributes.
 */
public final class OnnxGraph {
    /** ONNX TensorProto.DataType. */
    public static final int FLOAT = 1;

    public static final int INT64 = 7;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final ProtoMessage graph = new ProtoMessage();
    private int nodeCount;

    public OnnxGraph(String name) {
        graph.string(2, name);
    }

    /** Adds a node; {@code attrs} values are Integer/Long (INT), Float/Double (FLOAT) or long[]/int[] (INTS). */
    public OnnxGraph node(String opType, String[] inputs, String[] outputs, Map<String, Object> attrs) {
        ProtoMessage n = new ProtoMessage();
        for (String in : inputs) {
            n.string(1, in);
        }
        for (String out : outputs) {
            n.string(2, out);
        }
        n.string(3, opType.toLowerCase() + "_" + (nodeCount++));
        n.string(4, opType);
        for (Map.Entry<String, Object> a : attrs.entrySet()) {
            n.message(5, attribute(a.getKey(), a.getValue()));
        }
        graph.message(1, n);
        return this;
    }

    /** A float initializer (the array is written as is, little-endian, when the model is written). */
    public OnnxGraph initializer(String name, long[] dims, float[] values) {
        ProtoMessage t = new ProtoMessage();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT).string(8, name).rawFloats(9, values);
        graph.message(5, t);
        return this;
    }

    /** An int64 initializer, e.g. a Reshape target or Gather indices. */
    public OnnxGraph initializerInt64(String name, long[] dims, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        ProtoMessage t = new ProtoMessage();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, INT64).string(8, name).bytes(9, b.array());
        graph.message(5, t);
        return this;
    }

    /** A graph input; a dimension of −1 becomes the symbolic dimension {@code N}. */
    public OnnxGraph input(String name, int elemType, long[] dims) {
        graph.message(11, valueInfo(name, elemType, dims));
        return this;
    }

    /** A graph output; a dimension of −1 becomes the symbolic dimension {@code N}. */
    public OnnxGraph output(String name, int elemType, long[] dims) {
        graph.message(12, valueInfo(name, elemType, dims));
        return this;
    }

    /** Writes the model: IR version 8, the default-domain opset, producer and metadata properties. */
    public void writeModel(OutputStream out, int opset, String producerVersion, Map<String, String> metadata)
            throws IOException {
        ProtoMessage model = new ProtoMessage()
                .varint(1, 8)
                .string(2, "prodet")
                .string(3, producerVersion)
                .message(7, graph)
                .message(8, new ProtoMessage().string(1, "").varint(2, opset));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            model.message(14, new ProtoMessage().string(1, e.getKey()).string(2, e.getValue()));
        }
        model.writeTo(out);
    }

    private static ProtoMessage valueInfo(String name, int elemType, long[] dims) {
        ProtoMessage shape = new ProtoMessage();
        for (long d : dims) {
            shape.message(1, d < 0 ? new ProtoMessage().string(2, "N") : new ProtoMessage().varint(1, d));
        }
        ProtoMessage tensor = new ProtoMessage().varint(1, elemType).message(2, shape);
        return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensor));
    }

    private static ProtoMessage attribute(String name, Object value) {
        ProtoMessage a = new ProtoMessage().string(1, name);
        if (value instanceof Integer || value instanceof Long) {
            return a.varint(3, ((Number) value).longValue()).varint(20, ATTR_INT);
        }
        if (value instanceof Float || value instanceof Double) {
            return a.float32(2, ((Number) value).floatValue()).varint(20, ATTR_FLOAT);
        }
        if (value instanceof int[] ints) {
            for (int v : ints) {
                a.varint(8, v);
            }
            return a.varint(20, ATTR_INTS);
        }
        if (value instanceof long[] longs) {
            for (long v : longs) {
                a.varint(8, v);
            }
            return a.varint(20, ATTR_INTS);
        }
        throw new IllegalArgumentException("unsupported attribute value for " + name + ": " + value);
    }
}
