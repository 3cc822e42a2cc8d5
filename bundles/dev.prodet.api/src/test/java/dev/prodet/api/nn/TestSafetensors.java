package dev.prodet.api.nn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small safetensors files for the reader's error tests (the independent fixture lives in export.onnx). */
final class TestSafetensors {
    private final Map<String, String> header = new LinkedHashMap<>();
    private final List<byte[]> blobs = new ArrayList<>();
    private long offset;

    /** Adds a tensor with raw little-endian bytes. */
    TestSafetensors raw(String name, String dtype, long[] shape, byte[] data) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(dims.length() == 0 ? "" : ",").append(d);
        }
        header.put(
                name,
                "{\"dtype\":\"" + dtype + "\",\"shape\":[" + dims + "],\"data_offsets\":[" + offset + ","
                        + (offset + data.length) + "]}");
        blobs.add(data);
        offset += data.length;
        return this;
    }

    TestSafetensors f32(String name, long[] shape, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return raw(name, "F32", shape, b.array());
    }

    /** F32 zeros of a shape. */
    TestSafetensors zeros(String name, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return f32(name, shape, new float[(int) n]);
    }

    Path write(Path file) throws IOException {
        StringBuilder json = new StringBuilder("{");
        header.forEach((k, v) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
        byte[] h = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(h.length)
                    .array());
            out.write(h);
            for (byte[] b : blobs) {
                out.write(b);
            }
        }
        return file;
    }
}
