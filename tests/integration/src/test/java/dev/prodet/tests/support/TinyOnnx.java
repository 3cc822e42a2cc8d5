package dev.prodet.tests.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a one-node ONNX model (Relu over a float tensor [N, width], N dynamic) with a minimal protobuf encoder, so
 * the ONNX Runtime test needs no generated protobuf classes. Field numbers are those of onnx.proto.
 */
public final class TinyOnnx {
    private TinyOnnx() {}

    public static byte[] relu(int width) {
        byte[] dims = concat(message(1, message(2, str(1, "N"))), message(1, message(1, varint(1, width))));
        byte[] type = message(1, concat(varint(1, 1 /* FLOAT */), message(2, dims)));
        byte[] input = concat(str(1, "x"), message(2, type));
        byte[] output = concat(str(1, "y"), message(2, type));
        byte[] node = concat(str(1, "x"), str(2, "y"), str(3, "relu"), str(4, "Relu"));
        byte[] graph = concat(message(1, node), str(2, "tiny"), message(11, input), message(12, output));
        byte[] opset = concat(str(1, ""), varint(2, 17));
        return concat(varint(1, 8), str(2, "prodet-tests"), message(7, graph), message(8, opset));
    }

    private static byte[] varint(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, ((long) field << 3));
        writeVarint(out, value);
        return out.toByteArray();
    }

    private static byte[] str(int field, String s) {
        return message(field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] message(int field, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, ((long) field << 3) | 2);
        writeVarint(out, body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
