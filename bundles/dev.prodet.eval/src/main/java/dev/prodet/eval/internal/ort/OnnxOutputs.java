package dev.prodet.eval.internal.ort;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Declares an internal tensor of an ONNX model as an extra graph output, on the serialised bytes. Protocol Buffers
 * merge a repeated occurrence of an embedded message field into the first one and append repeated fields, so
 * appending {@code ModelProto.graph = GraphProto{output: [ValueInfoProto{name, float tensor}]}} adds one output and
 * leaves everything else as it was; no ONNX library is needed.
 */
final class OnnxOutputs {
    private static final int LEN = 2;
    private static final int VARINT = 0;
    private static final int FLOAT = 1; // TensorProto.DataType.FLOAT

    private OnnxOutputs() {}

    /** The model with {@code tensor} (an existing float tensor of the graph) also declared as a graph output. */
    static byte[] withOutput(byte[] model, String tensor) {
        byte[] tensorType = field(1, VARINT, varint(FLOAT), null); // TypeProto.Tensor.elem_type
        byte[] type = field(1, LEN, null, tensorType); // TypeProto.tensor_type
        byte[] valueInfo = concat(
                field(1, LEN, null, tensor.getBytes(StandardCharsets.UTF_8)),
                field(2, LEN, null, type)); // ValueInfoProto{name, type}
        byte[] graph = field(12, LEN, null, valueInfo); // GraphProto.output
        return concat(model, field(7, LEN, null, graph)); // ModelProto.graph
    }

    private static byte[] field(int number, int wireType, byte[] varintValue, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(varint(((long) number << 3) | wireType));
        if (wireType == VARINT) {
            out.writeBytes(varintValue);
        } else {
            out.writeBytes(varint(payload.length));
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static byte[] varint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(10);
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
