package dev.prodet.export.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.model.ModelExporter;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.TensorSpec;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.TensorShape;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Writes model packages: ONNX from {@link OnnxLowering}, {@code model.json} through {@link ModelPackage#write},
 * and {@code network.json}; then re-opens the package (checksum) and loads it in ONNX Runtime with every graph
 * optimisation on, running one batch to check that the outputs are finite.
 */
@Component(service = ModelExporter.class)
public final class OnnxModelExporter implements ModelExporter {
    /** Written into the ONNX producer_version field. */
    static final String PRODUCER_VERSION = "prodet-export-onnx/1";

    @Override
    public ModelPackage export(Network network, Map<String, float[]> parameters, ExportRequest request, Path packageDir)
            throws IOException {
        byte[] onnx = OnnxLowering.lower(
                network,
                parameters,
                PRODUCER_VERSION,
                Map.of("prodet.name", request.name(), "prodet.version", request.version()));
        ModelMetadata md = new ModelMetadata(
                ModelMetadata.FORMAT_VERSION,
                request.name(),
                request.version(),
                specs(network, network.inputs()),
                outputs(network),
                OnnxLowering.OPSET,
                request.preprocessing(),
                request.threshold(),
                List.of("real", "fake"),
                request.provenance(),
                request.metrics(),
                null);
        ModelPackage.write(packageDir, md, onnx);
        Path tmp = Files.createTempFile(packageDir, ".network", ".tmp");
        Files.writeString(tmp, NetworkJson.write(network), StandardCharsets.UTF_8);
        readableLike(packageDir.resolve(ModelPackage.METADATA_FILE), tmp);
        Files.move(
                tmp,
                packageDir.resolve("network.json"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        ModelPackage pkg;
        try {
            pkg = ModelPackage.open(packageDir);
        } catch (ModelPackageException e) {
            throw new IOException("the package just written does not verify: " + e.getMessage(), e);
        }
        check(pkg, network);
        return pkg;
    }

    // createTempFile makes owner-only (0600) files; a serving or Triton user must read network.json like model.json
    private static void readableLike(Path reference, Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(reference));
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX modes on this file system: the temporary file already has the default access
        }
    }

    /** Loads the written model with all optimisations and runs a zero batch of 2: outputs must be finite. */
    static void check(ModelPackage pkg, Network network) throws IOException {
        Map.Entry<String, TensorShape> input =
                network.inputs().entrySet().iterator().next();
        long[] shape = input.getValue().dims().clone();
        shape[0] = 2;
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(pkg.modelFile().toString(), so);
                    OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.allocate((int) n), shape);
                    OrtSession.Result r = session.run(Map.of(input.getKey(), x))) {
                for (Map.Entry<String, OnnxValue> e : r) {
                    FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                    while (fb.hasRemaining()) {
                        if (!Float.isFinite(fb.get())) {
                            throw new IOException("exported model gives a non-finite " + e.getKey());
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime cannot run the exported " + pkg.modelFile() + ": " + e.getMessage(), e);
        }
    }

    private static List<TensorSpec> specs(Network network, Map<String, TensorShape> tensors) {
        List<TensorSpec> out = new ArrayList<>();
        tensors.forEach((name, shape) -> out.add(new TensorSpec(name, shape, "float32")));
        return out;
    }

    private static List<TensorSpec> outputs(Network network) {
        List<TensorSpec> out = new ArrayList<>();
        network.outputs().forEach((name, node) -> out.add(new TensorSpec(name, network.shapeOf(node), "float32")));
        return out;
    }
}
