package dev.prodet.export.onnx.internal;

import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.TensorSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Triton Inference Server model configuration ({@code config.pbtxt}, protobuf text format of Triton's
 * {@code ModelConfig}) of a model in our repository layout. Triton reads {@code <repo>/<model>/config.pbtxt} and
 * {@code <repo>/<model>/<version>/model.onnx}, with numeric version folders, which is our layout with the config one
 * level above the package; {@code model.json} beside {@code model.onnx} is ignored by Triton, and our runtime
 * ignores files beside the version folders. One config serves every version, so it describes the newest numeric
 * version (Triton serves the newest by default).
 */
final class TritonConfig {
    /** File name Triton looks for in the model folder. */
    static final String FILE = "config.pbtxt";
    /** Largest batch Triton may form; the exported networks take any batch. */
    static final int MAX_BATCH = 32;
    /** How long Triton's dynamic batcher waits for more requests, in microseconds. */
    static final int QUEUE_DELAY_US = 2000;

    private static final Pattern NUMERIC = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("bool", "TYPE_BOOL"),
            Map.entry("uint8", "TYPE_UINT8"),
            Map.entry("uint16", "TYPE_UINT16"),
            Map.entry("uint32", "TYPE_UINT32"),
            Map.entry("uint64", "TYPE_UINT64"),
            Map.entry("int8", "TYPE_INT8"),
            Map.entry("int16", "TYPE_INT16"),
            Map.entry("int32", "TYPE_INT32"),
            Map.entry("int64", "TYPE_INT64"),
            Map.entry("float16", "TYPE_FP16"),
            Map.entry("float32", "TYPE_FP32"),
            Map.entry("float64", "TYPE_FP64"),
            Map.entry("bfloat16", "TYPE_BF16"),
            Map.entry("string", "TYPE_STRING"));

    private TritonConfig() {}

    /**
     * Writes {@code config.pbtxt} into the model folder of a package that sits at {@code <repo>/<name>/<version>}.
     *
     * @return what was done, for the export command's output: the file written, or why none was
     */
    static String update(Path packageDir, ModelMetadata written) throws IOException {
        Path modelDir = packageDir.toAbsolutePath().getParent();
        Path modelName = modelDir == null ? null : modelDir.getFileName();
        if (modelName == null || !modelName.toString().equals(written.name())) {
            return "no " + FILE + ": the package is not in a <repo>/" + written.name() + "/<version>/ folder";
        }
        Optional<Path> newest = newestNumericVersion(modelDir);
        if (newest.isEmpty()) {
            return "no " + FILE + ": Triton serves only numeric version folders, and " + modelDir
                    + " has none (version '" + written.version() + "')";
        }
        ModelMetadata md = newest.get().equals(packageDir.toAbsolutePath()) ? written : read(newest.get());
        Path file = modelDir.resolve(FILE);
        Path tmp = modelDir.resolve("." + FILE + ".tmp");
        Files.writeString(tmp, of(md), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return "Triton config " + file + " (version " + md.version() + ")";
    }

    /** The configuration text for one package. */
    static String of(ModelMetadata md) {
        boolean batched = Stream.concat(md.inputs().stream(), md.outputs().stream())
                .allMatch(t -> !t.shape().isEmpty() && t.shape().get(0) == -1L);
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by ./prodet export from model.json (")
                .append(md.name())
                .append(' ')
                .append(md.version())
                .append("); models/ is a Triton model repository as it is.\n");
        sb.append("name: \"").append(md.name()).append("\"\n");
        sb.append("platform: \"onnxruntime_onnx\"\n");
        sb.append("max_batch_size: ").append(batched ? MAX_BATCH : 0).append('\n');
        sb.append("version_policy: { latest: { num_versions: 1 } }\n");
        tensors(sb, "input", md.inputs(), batched);
        tensors(sb, "output", md.outputs(), batched);
        if (batched) {
            sb.append("dynamic_batching: { max_queue_delay_microseconds: ")
                    .append(QUEUE_DELAY_US)
                    .append(" }\n");
        }
        return sb.toString();
    }

    private static void tensors(StringBuilder sb, String kind, List<TensorSpec> specs, boolean batched) {
        for (TensorSpec t : specs) {
            String type = TYPES.get(t.dtype());
            if (type == null) {
                throw new IllegalArgumentException("tensor " + t.name() + " has type " + t.dtype()
                        + ", which Triton's model configuration has no name for");
            }
            List<Long> dims = batched ? t.shape().subList(1, t.shape().size()) : t.shape();
            sb.append(kind).append(" {\n");
            sb.append("  name: \"").append(t.name()).append("\"\n");
            sb.append("  data_type: ").append(type).append('\n');
            if (dims.isEmpty()) { // a [batch] tensor: one value per item, reshaped away (Triton needs a dim)
                sb.append("  dims: [ 1 ]\n  reshape: { shape: [ ] }\n");
            } else {
                sb.append("  dims: ").append(dims).append('\n');
            }
            sb.append("}\n");
        }
    }

    private static Optional<Path> newestNumericVersion(Path modelDir) throws IOException {
        try (Stream<Path> s = Files.list(modelDir)) {
            return s.filter(p -> NUMERIC.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(ModelPackage.METADATA_FILE)))
                    .max((a, b) -> Long.compare(
                            Long.parseLong(a.getFileName().toString()),
                            Long.parseLong(b.getFileName().toString())))
                    .map(Path::toAbsolutePath);
        }
    }

    private static ModelMetadata read(Path versionDir) throws IOException {
        try {
            return ModelPackage.open(versionDir).metadata();
        } catch (ModelPackageException e) {
            throw new IOException("cannot describe the newest version for Triton: " + e.getMessage(), e);
        }
    }
}
