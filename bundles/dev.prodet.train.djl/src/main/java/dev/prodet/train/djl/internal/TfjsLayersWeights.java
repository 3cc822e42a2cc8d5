package dev.prodet.train.djl.internal;

import dev.prodet.api.io.Float16;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weights of a TensorFlow.js layers model (Keras converted by {@code tensorflowjs_converter}): the weights
 * manifest of its model file and the shards it names, read in manifest order. Both the plain form ({@code
 * model.json} + binary {@code group1-shard1of1}) and the JavaScript-wrapped form some npm packages ship ({@code
 * model.min.js} with an unquoted object literal, shards as base64 strings in {@code *.min.js}) are accepted.
 * Quantised weights (uint8/uint16: value = q·scale + min; float16) are expanded to float32. Keras layouts become
 * PyTorch's: convolution kernels [kh, kw, in, out] → [out, in, kh, kw], depthwise [kh, kw, c, m] → [c·m, 1, kh, kw],
 * dense [in, out] → [out, in]; names stay Keras's ({@code block_1_expand/kernel}).
 */
final class TfjsLayersWeights {
    /** One manifest entry: name, shape, and the quantisation if any. */
    record Entry(String name, long[] shape, String dtype, String quantDtype, double min, double scale) {
        /** The number of values, or −1 when it does not fit a long. */
        long elements() {
            long n = 1;
            try {
                for (long d : shape) {
                    n = Math.multiplyExact(n, d);
                }
            } catch (ArithmeticException e) {
                return -1;
            }
            return n;
        }
    }

    /** Tensors in PyTorch layout, in manifest order, with their shapes. */
    record Tensors(Map<String, float[]> values, Map<String, long[]> shapes) {}

    private static final Pattern GROUP =
            Pattern.compile("\\{\"?paths\"?\\s*:\\s*\\[([^\\]]*)\\]\\s*,\\s*\"?weights\"?\\s*:\\s*\\[");
    private static final Pattern ENTRY = Pattern.compile("\\{\"?name\"?\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"?shape\"?\\s*:"
            + "\\s*\\[([0-9,\\s]*)\\]\\s*,\\s*\"?dtype\"?\\s*:\\s*\"([a-z0-9]+)\"(\\s*,\\s*\"?quantization\"?\\s*:"
            + "\\s*\\{([^}]*)\\})?\\s*\\}");
    private static final Pattern NUMBER = Pattern.compile("\"?(min|scale)\"?\\s*:\\s*([-+0-9.eE]+)");
    private static final Pattern QDTYPE = Pattern.compile("\"?dtype\"?\\s*:\\s*\"([a-z0-9]+)\"");
    private static final Pattern BASE64 = Pattern.compile("\"([A-Za-z0-9+/=]{64,})\"");

    private TfjsLayersWeights() {}

    /** Reads every weight the manifest of {@code modelFile} lists, from the shards next to it. */
    static Tensors read(Path modelFile) throws IOException {
        String model = Files.readString(modelFile, StandardCharsets.UTF_8);
        Path dir = modelFile.toAbsolutePath().getParent(); // a readable file always has one
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Matcher group = GROUP.matcher(model);
        int groups = 0;
        while (group.find()) {
            groups++;
            ByteBuffer data = shards(dir, group.group(1));
            Matcher m = ENTRY.matcher(model);
            m.region(group.end() - 1, model.length());
            while (m.find() && m.start() == nextEntry(model, m.regionStart())) {
                Entry e = entry(m);
                float[] v = decode(e, data, modelFile);
                values.put(e.name(), toTorchLayout(e, v));
                shapes.put(e.name(), torchShape(e));
                m.region(m.end(), model.length());
            }
            if (data.hasRemaining()) {
                throw new IOException(modelFile + ": " + data.remaining() + " bytes of the shards are not described by"
                        + " the weights manifest; the file is not a TensorFlow.js layers model this reader knows");
            }
        }
        if (groups == 0) {
            throw new IOException(modelFile + " has no weightsManifest (paths + weights): not a TensorFlow.js layers"
                    + " model file");
        }
        return new Tensors(values, shapes);
    }

    /** Index of the next entry: after the '[' of the weights list or the ',' that follows an entry. */
    private static int nextEntry(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == '[' || s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static Entry entry(Matcher m) throws IOException {
        String[] dims = m.group(2).isBlank() ? new String[0] : m.group(2).split(",");
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            try {
                shape[i] = Long.parseLong(dims[i].trim());
            } catch (NumberFormatException e) {
                throw new IOException("weight " + m.group(1) + " has an unreadable shape [" + m.group(2) + "]", e);
            }
        }
        String q = m.group(5);
        if (q == null) {
            return new Entry(m.group(1), shape, m.group(3), null, 0, 1);
        }
        double min = 0;
        double scale = 1;
        Matcher n = NUMBER.matcher(q);
        while (n.find()) {
            if (n.group(1).equals("min")) {
                min = Double.parseDouble(n.group(2));
            } else {
                scale = Double.parseDouble(n.group(2));
            }
        }
        Matcher d = QDTYPE.matcher(q);
        return new Entry(m.group(1), shape, m.group(3), d.find() ? d.group(1) : null, min, scale);
    }

    private static ByteBuffer shards(Path dir, String pathList) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (String quoted : pathList.split(",")) {
            String name = quoted.trim().replace("\"", "");
            byte[] bytes = shard(dir, name);
            parts.add(bytes);
            total += bytes.length;
        }
        ByteBuffer all = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        parts.forEach(all::put);
        return all.flip();
    }

    private static byte[] shard(Path dir, String name) throws IOException {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IOException("shard name '" + name + "' must be a plain file name next to the model file");
        }
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return Files.readAllBytes(raw);
        }
        Path wrapped = dir.resolve(name + ".min.js");
        if (!Files.isRegularFile(wrapped)) {
            throw new IOException(
                    "shard " + name + " not found next to the model file (looked for " + raw + " and " + wrapped + ")");
        }
        Matcher b = BASE64.matcher(Files.readString(wrapped, StandardCharsets.US_ASCII));
        String longest = "";
        while (b.find()) {
            longest = b.group(1).length() > longest.length() ? b.group(1) : longest;
        }
        if (longest.isEmpty()) {
            throw new IOException(wrapped + " holds no base64 weights string");
        }
        return Base64.getDecoder().decode(longest);
    }

    private static float[] decode(Entry e, ByteBuffer data, Path modelFile) throws IOException {
        if (!e.dtype().equals("float32")) {
            throw new IOException(modelFile + ": weight " + e.name() + " has dtype " + e.dtype() + "; only float32"
                    + " weights (quantised or not) can initialise a network");
        }
        String q = e.quantDtype() == null ? "float32" : e.quantDtype();
        int width =
                switch (q) {
                    case "float32" -> 4;
                    case "uint16", "float16" -> 2;
                    case "uint8" -> 1;
                    default ->
                        throw new IOException(modelFile + ": weight " + e.name() + " uses quantisation " + q
                                + "; supported: uint8, uint16, float16");
                };
        long n = e.elements();
        if (n < 0) {
            throw new IOException(modelFile + ": weight " + e.name() + " has a shape too large to read: "
                    + java.util.Arrays.toString(e.shape()));
        }
        if (n > data.remaining() / width) {
            throw new IOException(modelFile + ": the shards end inside weight " + e.name() + " (" + n + " values of "
                    + width + " bytes, " + data.remaining() + " bytes left)");
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (q) {
                case "float32" -> data.getFloat();
                case "float16" -> Float16.toFloat(data.getShort());
                case "uint16" -> (float) ((data.getShort() & 0xffff) * e.scale() + e.min());
                default -> (float) ((data.get() & 0xff) * e.scale() + e.min());
            };
        }
        return v;
    }

    private static boolean isDepthwise(Entry e) {
        return e.name().endsWith("/depthwise_kernel");
    }

    private static long[] torchShape(Entry e) {
        long[] s = e.shape();
        if (s.length == 4) {
            return isDepthwise(e) ? new long[] {s[2] * s[3], 1, s[0], s[1]} : new long[] {s[3], s[2], s[0], s[1]};
        }
        return s.length == 2 ? new long[] {s[1], s[0]} : s.clone();
    }

    private static float[] toTorchLayout(Entry e, float[] v) {
        long[] s = e.shape();
        if (s.length == 2) {
            int in = (int) s[0];
            int out = (int) s[1];
            float[] t = new float[v.length];
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    t[o * in + i] = v[i * out + o];
                }
            }
            return t;
        }
        if (s.length != 4) {
            return v;
        }
        int kh = (int) s[0];
        int kw = (int) s[1];
        int in = (int) s[2];
        int out = (int) s[3];
        float[] t = new float[v.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int c = 0; c < in; c++) {
                    for (int o = 0; o < out; o++) {
                        float w = v[((y * kw + x) * in + c) * out + o];
                        // depthwise: channel c, multiplier o → output channel c·m + o, one input channel
                        int dst = isDepthwise(e) ? ((c * out + o) * kh + y) * kw + x : ((o * in + c) * kh + y) * kw + x;
                        t[dst] = w;
                    }
                }
            }
        }
        return t;
    }
}
