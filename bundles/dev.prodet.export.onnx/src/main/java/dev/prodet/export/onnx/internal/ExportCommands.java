package dev.prodet.export.onnx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.home.Workspace;
import dev.prodet.api.model.ModelExporter;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Provenance;
import dev.prodet.api.model.ThresholdChoice;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.ParameterFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code prodet:export}: a training checkpoint (network.json + params.bin + state.json, engine neutral) to a model
 * package {@code <out>/<name>/<version>/}, published whole into a repository a runtime may be serving
 * ({@link StagedPublish}). Needs no training engine.
 */
@Component(service = ExportCommands.class)
@GogoCommand(scope = "prodet", function = "export")
public final class ExportCommands {
    static final String USAGE = "usage: prodet:export (--run ID | --checkpoint DIR) [--out models] [--name NAME]"
            + " [--version V] [--threshold T]; without --threshold the package has 0.5 until"
            + " prodet:eval --calibrate chooses one on validation data";
    private final ModelExporter exporter;
    private final Path home;

    @Activate
    public ExportCommands(BundleContext context, @Reference ModelExporter exporter) {
        this.exporter = exporter;
        this.home = Workspace.folder(context::getProperty);
    }

    @Descriptor("export a training checkpoint to an ONNX model package")
    public String export(
            @Descriptor("--run ID | --checkpoint DIR, [--out DIR] [--name N] [--version V]") String... args)
            throws IOException {
        Map<String, String> opt =
                Options.parse(args, USAGE, "--run", "--checkpoint", "--out", "--name", "--version", "--threshold");
        Path ckpt;
        if (opt.containsKey("--checkpoint")) {
            ckpt = home.resolve(opt.get("--checkpoint"));
        } else if (opt.containsKey("--run")) {
            ckpt = latest(home.resolve("runs").resolve(opt.get("--run")).resolve("checkpoints"));
        } else {
            throw new IllegalArgumentException(USAGE);
        }
        JsonNode state = new ObjectMapper().readTree(ckpt.resolve("state.json").toFile());
        Network network = NetworkJson.read(Files.readString(ckpt.resolve("network.json")));
        Map<String, float[]> params;
        try (InputStream in = Files.newInputStream(ckpt.resolve("params.bin"))) {
            params = ParameterFile.read(in);
        }
        String name = opt.getOrDefault("--name", state.get("runId").asText());
        String version =
                opt.getOrDefault("--version", String.valueOf(state.get("step").asLong() + 1));
        ModelExporter.ExportRequest req = new ModelExporter.ExportRequest(
                name,
                version,
                preprocessing(state),
                Double.parseDouble(opt.getOrDefault("--threshold", "0.5")),
                provenance(state),
                Map.of());
        Path out =
                home.resolve(opt.getOrDefault("--out", "models")).resolve(name).resolve(version);
        boolean manual = opt.containsKey("--threshold");
        ModelPackage pkg = StagedPublish.publish(out, dir -> {
            ModelPackage p = exporter.export(network, params, req, dir);
            return manual
                    ? p.withThreshold(
                            req.threshold(),
                            new ThresholdChoice(ThresholdChoice.MANUAL, "given to prodet:export --threshold"))
                    : p;
        });
        String triton = TritonConfig.update(out, pkg.metadata());
        return "exported " + ckpt.getFileName() + " of run "
                + state.get("runId").asText() + " to " + pkg.dir() + " (sha256 "
                + pkg.metadata().sha256() + "); " + triton;
    }

    static Path latest(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            throw new IllegalArgumentException("no checkpoints in " + checkpoints);
        }
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.filter(p -> p.getFileName().toString().startsWith("step-"))
                    .filter(p -> Files.isRegularFile(p.resolve("state.json")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalArgumentException("no complete checkpoint in " + checkpoints));
        }
    }

    private static Preprocessing preprocessing(JsonNode state) {
        JsonNode p = state.get("preprocessing");
        if (p == null || p.isNull()) {
            throw new IllegalArgumentException("the checkpoint records no preprocessing; re-train with this version");
        }
        JsonNode fp = p.get("facePreprocessor");
        return new Preprocessing(
                p.get("inputSize").asInt(),
                doubles(p.get("mean")),
                doubles(p.get("std")),
                p.get("colorOrder").asText(),
                new FacePreprocessorInfo(
                        fp.get("id").asText(), fp.get("version").asText()));
    }

    private static Provenance provenance(JsonNode s) {
        List<String> gens = new ArrayList<>();
        s.get("generators").forEach(g -> gens.add(g.asText()));
        return new Provenance(
                s.get("backbone").asText(),
                s.get("strategy").asText(),
                gens,
                s.get("dataset").asText(),
                1,
                s.get("seed").asLong(),
                s.get("step").asLong() + 1,
                ExportCommands.class.getPackage().getImplementationVersion() == null
                        ? "dev"
                        : ExportCommands.class.getPackage().getImplementationVersion());
    }

    private static List<Double> doubles(JsonNode a) {
        List<Double> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asDouble()));
        return out;
    }
}
