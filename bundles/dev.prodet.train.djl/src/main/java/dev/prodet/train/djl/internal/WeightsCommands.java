package dev.prodet.train.djl.internal;

import dev.prodet.api.io.Sha256;
import dev.prodet.api.nn.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;

/**
 * Gogo verb {@code prodet:weights}: turns published weights into the safetensors file {@code model.pretrained}
 * reads. Today one source format, a TensorFlow.js layers model ({@link TfjsLayersWeights}); the backbone's name map
 * decides at training time whether the tensors fit.
 */
@Component(service = WeightsCommands.class)
@GogoCommand(scope = "prodet", function = "weights")
public final class WeightsCommands {
    static final String USAGE = "usage: prodet:weights import-tfjs MODEL_FILE OUT.safetensors  (MODEL_FILE: a"
            + " TensorFlow.js layers model, model.json or model.min.js, with its shards next to it)";

    @Descriptor("convert published weights to safetensors for model.pretrained")
    public String weights(@Descriptor("import-tfjs MODEL_FILE OUT.safetensors") String... args) throws IOException {
        if (args.length != 3 || !args[0].equals("import-tfjs")) {
            throw new IllegalArgumentException(USAGE);
        }
        Path model = Path.of(args[1]);
        Path out = Path.of(args[2]);
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException(model + " does not exist; fetch it first (./prodet data fetch)");
        }
        Path name = out.getFileName();
        if (name == null || !name.toString().endsWith(".safetensors")) {
            throw new IllegalArgumentException("the output must be a .safetensors file, got " + out + "; " + USAGE);
        }
        return importTfjs(model, out);
    }

    /** Converts, writes {@code out} through a temporary file (a failed run leaves no partial file), reports it. */
    static String importTfjs(Path model, Path out) throws IOException {
        TfjsLayersWeights.Tensors t = TfjsLayersWeights.read(model);
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Path name = target.getFileName();
        if (dir == null || name == null) {
            throw new IllegalArgumentException("the output must be a file, got " + out);
        }
        Files.createDirectories(dir);
        // not Files.createTempFile: its owner-only permissions would stay on the result
        Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + ".part");
        try {
            Safetensors.write(tmp, t.values(), t.shapes());
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        long params = t.values().values().stream().mapToLong(v -> v.length).sum();
        return "wrote " + t.values().size() + " tensors (" + params + " values) from " + model + " to " + out
                + " (sha256 " + Sha256.of(out) + ")";
    }
}
