package dev.prodet.api.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.io.Float16;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a safetensors file (the format timm and Hugging Face publish weights in): an 8-byte little-endian header
 * length, a JSON header naming each tensor's dtype, shape and byte range, then the raw little-endian data. Tensors
 * are read one at a time, so a large file is never held whole. Floating-point tensors are returned as float32:
 * F32 as stored, F16 and BF16 widened exactly, F64 rounded to nearest; integer and boolean tensors are refused when
 * read as weights. Every inconsistency (header too long, byte range outside the file, size not matching the shape)
 * is an {@link IOException} naming the file and tensor. {@link #write} writes float32 tensors in the same format.
 */
public final class Safetensors implements AutoCloseable {
    /** The format's own limit on the JSON header. */
    private static final long MAX_HEADER = 100L << 20;

    private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(
            Map.entry("F64", 8),
            Map.entry("F32", 4),
            Map.entry("F16", 2),
            Map.entry("BF16", 2),
            Map.entry("I64", 8),
            Map.entry("I32", 4),
            Map.entry("I16", 2),
            Map.entry("I8", 1),
            Map.entry("U64", 8),
            Map.entry("U32", 4),
            Map.entry("U16", 2),
            Map.entry("U8", 1),
            Map.entry("BOOL", 1),
            Map.entry("F8_E4M3", 1),
            Map.entry("F8_E5M2", 1));

    /**
     * One tensor's entry in the header.
     *
     * @param name tensor name
     * @param dtype safetensors dtype, e.g. {@code F32}
     * @param shape dimensions (empty for a scalar)
     * @param offset absolute position of the first byte in the file
     * @param bytes length of the data in bytes
     */
    public record Entry(String name, String dtype, long[] shape, long offset, long bytes) {
        public Entry {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** Number of elements. */
        public long elements() {
            return TensorShape.elements(shape);
        }

        /** Whether the dtype is a floating-point type this reader converts to float32. */
        public boolean isFloat() {
            return dtype.equals("F32") || dtype.equals("F16") || dtype.equals("BF16") || dtype.equals("F64");
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private Safetensors(Path file, FileChannel channel, Map<String, Entry> entries, Map<String, String> metadata) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
        this.metadata = metadata;
    }

    /** Opens {@code file} and reads its header; the caller closes the result. */
    public static Safetensors open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0, file);
            long headerLength = len.flip().getLong();
            if (headerLength <= 1 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw new IOException(file + " is not a safetensors file: header length " + headerLength + " for a "
                        + size + "-byte file");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(ch, header, 8, file);
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(new String(header.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IOException(file + " is not a safetensors file: its header is not JSON", e);
            }
            if (root == null || !root.isObject()) {
                throw new IOException(file + " is not a safetensors file: its header is not a JSON object");
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            long dataStart = 8 + headerLength;
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("__metadata__")) {
                    f.getValue()
                            .fields()
                            .forEachRemaining(
                                    m -> metadata.put(m.getKey(), m.getValue().asText()));
                } else {
                    entries.put(f.getKey(), entry(file, f.getKey(), f.getValue(), dataStart, size));
                }
            }
            return new Safetensors(file, ch, Collections.unmodifiableMap(entries), Map.copyOf(metadata));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static Entry entry(Path file, String name, JsonNode n, long dataStart, long fileSize) throws IOException {
        String where = file + ", tensor '" + name + "'";
        JsonNode dtype = n.get("dtype");
        JsonNode shape = n.get("shape");
        JsonNode offsets = n.get("data_offsets");
        if (dtype == null || shape == null || !shape.isArray() || offsets == null || offsets.size() != 2) {
            throw new IOException(where + ": header entry needs dtype, shape and data_offsets [begin, end]");
        }
        Integer width = DTYPE_BYTES.get(dtype.asText());
        if (width == null) {
            throw new IOException(where + ": unknown dtype " + dtype.asText());
        }
        long[] dims = new long[shape.size()];
        long elements = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i).asLong(-1);
            if (dims[i] < 0) {
                throw new IOException(where + ": bad shape " + shape);
            }
            elements = Math.multiplyExact(elements, dims[i]);
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || dataStart + end > fileSize) {
            throw new IOException(where + ": data_offsets " + offsets + " lie outside the file's "
                    + (fileSize - dataStart) + " data bytes (truncated file?)");
        }
        if (end - begin != elements * width) {
            throw new IOException(where + ": " + dtype.asText() + " " + shape + " needs " + elements * width
                    + " bytes, data_offsets give " + (end - begin));
        }
        return new Entry(name, dtype.asText(), dims, dataStart + begin, end - begin);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Every tensor's header entry, in header order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The optional {@code __metadata__} strings. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** A floating-point tensor's values as float32, row-major. */
    public float[] floats(String name) throws IOException {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IOException(file + " has no tensor '" + name + "'");
        }
        if (!e.isFloat()) {
            throw new IOException(file + ", tensor '" + name + "': dtype " + e.dtype()
                    + " is not floating point; weights must be F32, F16, BF16 or F64");
        }
        if (e.elements() > Integer.MAX_VALUE) {
            throw new IOException(file + ", tensor '" + name + "' is too large: " + e.elements() + " values");
        }
        ByteBuffer raw = ByteBuffer.allocate((int) e.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, raw, e.offset(), file);
        raw.flip();
        float[] out = new float[(int) e.elements()];
        switch (e.dtype()) {
            case "F32" -> raw.asFloatBuffer().get(out);
            case "F64" -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) raw.getDouble();
                }
            }
            case "F16" -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float16.toFloat(raw.getShort());
                }
            }
            default -> { // BF16: the upper half of a float32
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat((raw.getShort() & 0xFFFF) << 16);
                }
            }
        }
        return out;
    }

    /**
     * Writes float32 tensors as a safetensors file (for handing weights to PyTorch or timm users, and for tests).
     *
     * @param values tensor name → row-major values, in the order to write
     * @param shapes tensor name → shape, for every tensor in {@code values}
     */
    public static void write(Path file, Map<String, float[]> values, Map<String, long[]> shapes) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            long[] shape = shapes.get(e.getKey());
            if (shape == null || java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b) != e.getValue().length) {
                throw new IllegalArgumentException("tensor " + e.getKey() + ": shape "
                        + java.util.Arrays.toString(shape) + " does not hold " + e.getValue().length + " values");
            }
            long end = offset + 4L * e.getValue().length;
            // keys in a fixed order (Map.of's order changes from run to run): the same tensors give the same bytes
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", shape);
            entry.put("data_offsets", new long[] {offset, end});
            header.put(e.getKey(), entry);
            offset = end;
        }
        byte[] json = new ObjectMapper().writeValueAsBytes(header);
        byte[] padded = java.util.Arrays.copyOf(json, (json.length + 7) / 8 * 8); // data starts 8-byte aligned
        java.util.Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded.length).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded.length).put(padded).flip();
            while (head.hasRemaining()) {
                ch.write(head);
            }
            for (float[] v : values.values()) {
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position, Path file) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new EOFException(file + " is truncated at byte " + pos);
            }
            pos += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
