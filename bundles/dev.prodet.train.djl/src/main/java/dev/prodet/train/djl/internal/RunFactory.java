package dev.prodet.train.djl.internal;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.DatasetProvider;
import dev.prodet.api.data.Split;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.model.InitialWeights;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.api.TrainingListener;
import dev.prodet.train.api.TrainingRequest;
import dev.prodet.train.djl.internal.config.ExperimentConfig;
import dev.prodet.train.djl.internal.data.ForgeryBatchSource;
import dev.prodet.train.djl.internal.data.RealFaces;
import dev.prodet.train.djl.internal.data.TupleMaker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a training request and its parsed config into a ready {@link TrainingRunner}: finds the plugins the config
 * names, indexes the real training faces, builds the session (fresh, or from the newest checkpoint with
 * {@code resume}) and the batch source. Every problem is reported before the run starts, naming the key, plugin or
 * file.
 */
final class RunFactory {
    private final Path home;
    private final PluginLookup plugins;
    private final PrintStream out;
    private final String codeVersion;

    /** @param codeVersion the code that trains, recorded in the checkpoints (provenance) */
    RunFactory(Path home, PluginLookup plugins, PrintStream out, String codeVersion) {
        this.home = home;
        this.plugins = plugins;
        this.out = out;
        this.codeVersion = codeVersion;
    }

    TrainingRunner create(
            TrainingRequest req, ExperimentConfig cfg, RunStrategy strategies, List<TrainingListener> listeners)
            throws IOException {
        Path runDir = home.resolve("runs").resolve(req.runId());
        Optional<Checkpoint.Restored> latest = latestCheckpoint(runDir, req.resume());
        Backbone backbone = plugins.get(Backbone.class, "backbone", cfg.model().backbone());
        BackboneSpec spec = backbone.spec(cfg.model().inputSize());
        Map<AnchorKind, ForgeryGenerator> generators = generators(cfg.data());
        RealFaces faces = realFaces(cfg.data());
        out.printf(
                "[train] %s: %s, backbone %s (%d features at %d px), anchors %s%n",
                req.runId(),
                faces,
                spec.name(),
                spec.featureChannels(),
                spec.inputSize(),
                cfg.data().anchors());
        Preprocessing prep = new Preprocessing(
                cfg.model().inputSize(),
                spec.mean(),
                spec.std(),
                "RGB",
                faces.face(0).face().preprocessor());
        RegularizerStrategy strategy = strategies.get();
        if (strategy == null) {
            throw new IllegalArgumentException(
                    "no regularizer strategy '" + cfg.regularizer().name() + "' is bound");
        }
        AdamOptimizer adam =
                new AdamOptimizer(cfg.optimizer().lr(), cfg.optimizer().weightDecay());
        TrainingSession session = session(cfg, backbone, strategy, adam, latest, home, out);
        Files.createDirectories(runDir);
        Files.copy(home.resolve(req.config()), runDir.resolve("config.yaml"), StandardCopyOption.REPLACE_EXISTING);
        ForgeryBatchSource<Batch> source = batches(cfg, faces, generators, prep);
        TrainingRunner.Plan plan = plan(
                req,
                cfg,
                runDir,
                latest,
                spec,
                faces,
                prep,
                initialWeights(cfg.model().pretrained(), home, latest),
                codeVersion);
        return new TrainingRunner(
                plan,
                req,
                session,
                source,
                strategies,
                listeners,
                new ProgressReporter(out, cfg.run().steps(), cfg.run().logEvery(), plan.budget()));
    }

    /** The starting weights to record: a resumed run's as its checkpoint has them, a fresh run's file as it is now. */
    static InitialWeights initialWeights(String file, Path home, Optional<Checkpoint.Restored> latest)
            throws IOException {
        if (latest.isPresent()) {
            return latest.get().state().pretrained();
        }
        return file == null ? null : InitialWeights.of(file, home.resolve(file));
    }

    /** The newest checkpoint of the run folder; one there without {@code --resume} is an error. */
    private static Optional<Checkpoint.Restored> latestCheckpoint(Path runDir, boolean resume) throws IOException {
        Optional<Checkpoint.Restored> latest = Checkpoint.restore(runDir.resolve("checkpoints"));
        if (latest.isPresent() && !resume) {
            throw new IllegalArgumentException("run folder " + runDir + " already has checkpoints; continue it with "
                    + "--resume, or choose another --run-id");
        }
        return latest;
    }

    private Map<AnchorKind, ForgeryGenerator> generators(ExperimentConfig.Data data) {
        Map<AnchorKind, ForgeryGenerator> generators = new EnumMap<>(AnchorKind.class);
        for (AnchorKind a : data.anchors()) {
            if (a != AnchorKind.REAL) {
                generators.put(
                        a,
                        plugins.get(
                                ForgeryGenerator.class,
                                "generator",
                                data.generators().get(a)));
            }
        }
        return generators;
    }

    /** The training split, read once: ids and landmarks of its real faces; crops load when used. */
    private RealFaces realFaces(ExperimentConfig.Data data) throws IOException {
        DatasetProvider provider = plugins.get(DatasetProvider.class, "dataset", data.provider());
        Dataset dataset = provider.open(home.resolve(data.root()));
        return RealFaces.of(dataset, Split.parse(data.split()), RealFaces.DEFAULT_CACHE_BYTES, data.realSampling());
    }

    private static TrainingSession session(
            ExperimentConfig cfg,
            Backbone backbone,
            RegularizerStrategy strategy,
            AdamOptimizer adam,
            Optional<Checkpoint.Restored> latest,
            Path home,
            PrintStream out)
            throws IOException {
        int threads = IntraOpThreads.apply(cfg.run().threads(), cfg.run().replicaCount());
        TrainingSession session = new TrainingSession(
                DeviceChoice.resolve(cfg.run().device()),
                backbone,
                new TrainingSession.ModelShape(
                        cfg.model().inputSize(),
                        cfg.model().featureWidth(),
                        cfg.model().hidden()),
                strategy,
                cfg.run().seed(),
                adam,
                latest.isPresent()
                        ? latest.get().params()
                        : PretrainedStart.values(
                                cfg.model().pretrained(), backbone, cfg.model().inputSize(), home, out));
        latest.ifPresent(r -> adam.restore(r.optimizer(), session.block().parametersByName(), session.manager()));
        session.replicas(cfg.run().replicaCount(), threads);
        return session;
    }

    private static ForgeryBatchSource<Batch> batches(
            ExperimentConfig cfg, RealFaces faces, Map<AnchorKind, ForgeryGenerator> generators, Preprocessing prep) {
        ExperimentConfig.Data data = cfg.data();
        TupleMaker tuples = new TupleMaker(
                faces,
                data.anchors(),
                generators,
                data.augmentation(),
                cfg.run().seed());
        return new ForgeryBatchSource<>(
                tuples,
                data.tuplesPerBatch(),
                prep,
                cfg.run().seed(),
                data.workers(),
                data.prefetch(),
                (images, n) -> new Batch(images, data.anchors(), n, cfg.model().inputSize()));
    }

    private static TrainingRunner.Plan plan(
            TrainingRequest req,
            ExperimentConfig cfg,
            Path runDir,
            Optional<Checkpoint.Restored> latest,
            BackboneSpec spec,
            RealFaces faces,
            Preprocessing prep,
            InitialWeights pretrained,
            String codeVersion) {
        ExperimentConfig.Run run = cfg.run();
        return new TrainingRunner.Plan(
                req.runId(),
                runDir,
                latest.map(Checkpoint.Restored::firstStep).orElse(0L),
                run.steps(),
                run.checkpointEvery(),
                run.logEvery(),
                run.seed(),
                spec.name(),
                List.copyOf(cfg.data().generators().values()),
                faces.description(),
                prep,
                faces.framesPerVideo(),
                pretrained,
                codeVersion,
                run.budgetMinutes() > 0 ? Duration.ofSeconds(Math.round(run.budgetMinutes() * 60)) : null);
    }
}
