package dev.prodet.train.djl.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.DatasetProvider;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.api.TrainingListener;
import dev.prodet.train.api.TrainingRequest;
import dev.prodet.train.djl.internal.config.ConfigLoader;
import dev.prodet.train.djl.internal.config.ExperimentConfig;
import dev.prodet.train.djl.internal.data.ForgeryBatchSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a training request into a ready {@link TrainingRunner}: reads the config, finds the plugins it names, loads
 * the training faces, builds the session (fresh, or from the newest checkpoint with {@code resume}) and the batch
 * source. Every problem is reported before the run starts, naming the key, plugin or file.
 */
final class RunFactory {
    private final Path home;
    private final PluginLookup plugins;
    private final PrintStream out;

    RunFactory(Path home, PluginLookup plugins, PrintStream out) {
        this.home = home;
        this.plugins = plugins;
        this.out = out;
    }

    TrainingRunner create(TrainingRequest req, RunStrategy strategies, List<TrainingListener> listeners)
            throws IOException {
        List<String> overrides = new ArrayList<>();
        req.overrides().forEach((k, v) -> overrides.add(k + "=" + v));
        ExperimentConfig cfg = ConfigLoader.load(home.resolve(req.config()), overrides);
        Path runDir = home.resolve("runs").resolve(req.runId());
        Optional<Checkpoint.Restored> latest = Checkpoint.restore(runDir.resolve("checkpoints"));
        if (latest.isPresent() && !req.resume()) {
            throw new IllegalArgumentException("run folder " + runDir + " already has checkpoints; continue it with "
                    + "--resume, or choose another --run-id");
        }
        Backbone backbone = plugins.get(Backbone.class, "backbone", cfg.model().backbone());
        BackboneSpec spec = backbone.spec(cfg.model().inputSize());
        Map<AnchorKind, ForgeryGenerator> generators = new EnumMap<>(AnchorKind.class);
        for (AnchorKind a : cfg.data().anchors()) {
            if (a != AnchorKind.REAL) {
                generators.put(
                        a,
                        plugins.get(
                                ForgeryGenerator.class,
                                "generator",
                                cfg.data().generators().get(a)));
            }
        }
        DatasetProvider provider =
                plugins.get(DatasetProvider.class, "dataset", cfg.data().provider());
        Dataset dataset = provider.open(home.resolve(cfg.data().root()));
        List<FaceSample> faces = dataset.samples(Split.parse(cfg.data().split()));
        out.printf(
                "[train] %s: %d %s faces from %s, backbone %s (%d features at %d px), anchors %s%n",
                req.runId(),
                faces.size(),
                cfg.data().split(),
                dataset.name(),
                spec.name(),
                spec.featureChannels(),
                spec.inputSize(),
                cfg.data().anchors());
        Preprocessing prep = new Preprocessing(
                cfg.model().inputSize(),
                spec.mean(),
                spec.std(),
                "RGB",
                faces.isEmpty()
                        ? new FacePreprocessorInfo("none", "0")
                        : faces.get(0).face().preprocessor());
        RegularizerStrategy strategy = strategies.get();
        if (strategy == null) {
            throw new IllegalArgumentException(
                    "no regularizer strategy '" + cfg.regularizer().name() + "' is bound");
        }
        TrainingSession.ModelShape shape = new TrainingSession.ModelShape(
                cfg.model().inputSize(), cfg.model().featureWidth(), cfg.model().hidden());
        AdamOptimizer adam =
                new AdamOptimizer(cfg.optimizer().lr(), cfg.optimizer().weightDecay());
        long first = latest.map(Checkpoint.Restored::firstStep).orElse(0L);
        if (cfg.run().threads() > 0) {
            // intra-op threads of PyTorch's CPU kernels; process-wide, so the last run started sets it
            Engine.getEngine("PyTorch"); // loads libtorch before the JNI call
            ai.djl.pytorch.jni.JniUtils.setNumThreads(cfg.run().threads());
        }
        TrainingSession session = new TrainingSession(
                device(cfg.run().device()),
                backbone,
                shape,
                strategy,
                cfg.run().seed(),
                adam,
                latest.isPresent()
                        ? latest.get().params()
                        : PretrainedStart.values(
                                cfg.model().pretrained(), backbone, cfg.model().inputSize(), home, out));
        latest.ifPresent(r -> adam.restore(r.optimizer(), session.block().parametersByName(), session.manager()));
        Files.createDirectories(runDir);
        Files.copy(
                home.resolve(req.config()),
                runDir.resolve("config.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ForgeryBatchSource<Batch> source = new ForgeryBatchSource<>(
                faces,
                cfg.data().anchors(),
                generators,
                // donors for CBI and swaps; the dataset's manipulated frames for the paired deepfake anchor
                ForgeryContext.withPairs(LandmarkDonorIndex.of(faces), dataset.manipulationPairs()),
                cfg.data().tuplesPerBatch(),
                prep,
                cfg.run().seed(),
                cfg.data().workers(),
                cfg.data().prefetch(),
                (images, n) ->
                        new Batch(images, cfg.data().anchors(), n, cfg.model().inputSize()));
        TrainingRunner.Plan plan = new TrainingRunner.Plan(
                req.runId(),
                runDir,
                first,
                cfg.run().steps(),
                cfg.run().checkpointEvery(),
                cfg.run().logEvery(),
                cfg.run().seed(),
                spec.name(),
                List.copyOf(cfg.data().generators().values()),
                dataset.name() + ":" + cfg.data().split(),
                prep,
                cfg.run().budgetMinutes() > 0
                        ? Duration.ofSeconds(Math.round(cfg.run().budgetMinutes() * 60))
                        : null);
        return new TrainingRunner(
                plan,
                req,
                session,
                source,
                strategies,
                listeners,
                new ProgressReporter(out, cfg.run().steps(), cfg.run().logEvery(), plan.budget()));
    }

    /** auto: a GPU whenever DJL sees one; gpu without one is an error rather than a silent CPU run. */
    static Device device(String choice) {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        switch (choice) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) {
                    throw new IllegalArgumentException("run.device is gpu but DJL sees no GPU; use auto or cpu");
                }
                return Device.gpu();
            default:
                return gpus > 0 ? Device.gpu() : Device.cpu();
        }
    }
}
