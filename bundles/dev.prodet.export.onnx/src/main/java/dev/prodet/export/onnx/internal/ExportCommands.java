package dev.prodet.export.onnx.internal;

import dev.prodet.api.home.Workspace;
import dev.prodet.api.model.ModelExporter;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.Provenance;
import dev.prodet.api.model.ThresholdChoice;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.api.nn.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        TrainingCheckpoint ckpt;
        if (opt.containsKey("--checkpoint")) {
            ckpt = new TrainingCheckpoint(home.resolve(opt.get("--checkpoint")));
        } else if (opt.containsKey("--run")) {
            ckpt = latest(home.resolve("runs").resolve(opt.get("--run")).resolve("checkpoints"));
        } else {
            throw new IllegalArgumentException(USAGE);
        }
        TrainingCheckpoint.State state = ckpt.state();
        Network network = ckpt.network();
        Map<String, float[]> params = ckpt.params();
        String name = opt.getOrDefault("--name", state.runId());
        String version = opt.getOrDefault("--version", String.valueOf(state.step() + 1));
        ModelExporter.ExportRequest req = new ModelExporter.ExportRequest(
                name,
                version,
                state.requirePreprocessing(),
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
        return "exported " + ckpt.dir().getFileName() + " of run " + state.runId() + " to " + pkg.dir() + " (sha256 "
                + pkg.metadata().sha256() + "); " + triton;
    }

    static TrainingCheckpoint latest(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            throw new IllegalArgumentException("no checkpoints in " + checkpoints);
        }
        return TrainingCheckpoint.latest(checkpoints)
                .orElseThrow(() -> new IllegalArgumentException("no complete checkpoint in " + checkpoints));
    }

    private static Provenance provenance(TrainingCheckpoint.State s) {
        return new Provenance(
                s.backbone(),
                s.strategy(),
                s.generators(),
                s.dataset(),
                s.framesPerVideo(),
                s.seed(),
                s.step() + 1,
                s.codeVersion() == null ? "not recorded" : s.codeVersion(),
                s.pretrained());
    }
}
