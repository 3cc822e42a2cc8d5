package dev.prodet.eval.internal.command;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.DatasetProvider;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.Scorer;
import dev.prodet.api.model.ScorerFactory;
import dev.prodet.eval.internal.report.ReportWriter;
import dev.prodet.eval.internal.run.EvalReport;
import dev.prodet.eval.internal.run.Evaluation;
import dev.prodet.eval.internal.run.ForgedDataset;
import dev.prodet.eval.internal.run.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Resolves what {@code prodet:eval} names and runs it: the scorer plugin for the model, the datasets, the report
 * folder. Paths are relative to the workspace (the repository root when started by {@code ./prodet}).
 */
public final class EvalRunner {
    /** Threshold of a checkpoint, which records none: DeepfakeBench's 0.5. */
    static final double DEFAULT_THRESHOLD = 0.5;

    private final Path workspace;
    private final List<Plugin<ScorerFactory>> scorers;
    private final DatasetProvider datasets;
    private final Map<String, ForgeryGenerator> generators;

    /**
     * @param scorers the registered scorer plugins, highest ranking first
     * @param datasets the dataset provider, or {@code null} when none is registered
     */
    public EvalRunner(
            Path workspace,
            List<Plugin<ScorerFactory>> scorers,
            DatasetProvider datasets,
            Map<String, ForgeryGenerator> generators) {
        this.workspace = workspace;
        this.scorers = scorers.stream()
                .sorted(Comparator.comparingInt((Plugin<ScorerFactory> p) -> -p.ranking()))
                .toList();
        this.datasets = datasets;
        this.generators = Map.copyOf(generators);
    }

    /**
     * What a run produced.
     *
     * @param dir the report folder
     * @param table the Markdown AUC table
     * @param report the evaluation
     */
    public record Result(Path dir, String table, EvalReport report) {}

    /** Evaluates and writes the report. */
    public Result run(EvalArgs args, Consumer<String> log) throws IOException {
        Path model = workspace.resolve(args.model()).normalize();
        if (!Files.isDirectory(model)) {
            throw new IllegalArgumentException(
                    "--model " + model + " is not a folder (a model package or a " + "checkpoint / run folder)");
        }
        Plugin<ScorerFactory> factory = pick(model, args.scorer());
        if (datasets == null) {
            throw new IllegalStateException("no dataset provider 'prepared' is registered; install the "
                    + "dev.prodet.data bundle (feature train)");
        }
        List<Evaluation.Input> inputs = new ArrayList<>();
        for (String d : args.datasets()) {
            Path root = workspace.resolve(d).normalize();
            if (fileName(root).equals("manifest.json") && root.getParent() != null) {
                root = root.getParent();
            }
            Dataset ds = datasets.open(root);
            if (!args.forge().isEmpty()) {
                // "each": one dataset (one table column) per generator, e.g. to show a held-out forgery type apart
                boolean each = args.forge().contains("each");
                List<String> names =
                        args.forge().stream().filter(n -> !n.equals("each")).toList();
                Map<String, ForgeryGenerator> gens = forgers(names.isEmpty() ? List.of("all") : names);
                if (names.isEmpty() || names.equals(List.of("all"))) {
                    Path where = root;
                    gens = ForgedDataset.usable(
                            ds,
                            args.options().split(),
                            gens,
                            (g, why) -> log.accept("--forge all: leaving out generator " + g + " for "
                                    + where.getFileName() + ": " + why));
                }
                if (gens.isEmpty()) {
                    throw new IllegalArgumentException("--forge all: no registered generator can forge " + root);
                }
                if (each) {
                    for (Map.Entry<String, ForgeryGenerator> g : gens.entrySet()) {
                        inputs.add(new Evaluation.Input(
                                root,
                                new ForgedDataset(
                                        ds,
                                        args.options().split(),
                                        Map.of(g.getKey(), g.getValue()),
                                        args.options().seed())));
                    }
                    continue;
                }
                ds = new ForgedDataset(
                        ds, args.options().split(), gens, args.options().seed());
            }
            inputs.add(new Evaluation.Input(root, ds));
        }
        try (Scorer scorer = factory.service().open(model)) {
            ModelInfo info = info(model, factory.name(), scorer, args.options().threshold());
            log.accept("evaluating " + info.name() + (info.version() == null ? "" : " " + info.version())
                    + " with scorer " + factory.name() + " on " + inputs.size() + " dataset(s), split "
                    + args.options().split().id() + (args.options().robustness() ? ", with robustness" : ""));
            EvalReport report = new Evaluation(scorer, info, args.options(), log).run(inputs, generators);
            Path dir = reportDir(args, model, info);
            String table = ReportWriter.write(report, dir);
            return new Result(dir, table, report);
        }
    }

    /** The generators named by --forge; {@code all} names every registered one. */
    private Map<String, ForgeryGenerator> forgers(List<String> names) {
        if (names.equals(List.of("all"))) {
            if (generators.isEmpty()) {
                throw new IllegalArgumentException(
                        "--forge all: no generator plugin is registered (feature train" + " holds sbi, cbi and swap)");
            }
            return generators;
        }
        Map<String, ForgeryGenerator> m = new LinkedHashMap<>();
        for (String n : names) {
            ForgeryGenerator g = generators.get(n);
            if (g == null) {
                throw new IllegalArgumentException("--forge: no generator plugin named '" + n + "'; registered: "
                        + new java.util.TreeSet<>(generators.keySet()));
            }
            m.put(n, g);
        }
        return m;
    }

    private Plugin<ScorerFactory> pick(Path model, String name) {
        for (Plugin<ScorerFactory> p : scorers) {
            if (name == null ? p.service().accepts(model) : p.name().equals(name)) {
                return p;
            }
        }
        List<String> known = scorers.stream().map(Plugin::name).toList();
        if (name != null) {
            throw new IllegalArgumentException("no scorer plugin named '" + name + "'; registered: " + known);
        }
        throw new IllegalArgumentException("no scorer plugin accepts " + model + " (registered: " + known
                + "); give a model package folder (model.onnx + model.json, scorer onnx) or a checkpoint or run"
                + " folder (params.bin or checkpoints/, scorer djl, feature train)");
    }

    private static ModelInfo info(Path model, String scorerName, Scorer scorer, double threshold) throws IOException {
        if (Files.isRegularFile(model.resolve(ModelPackage.METADATA_FILE))) {
            ModelMetadata md;
            try {
                md = ModelPackage.open(model).metadata();
            } catch (ModelPackageException e) {
                throw new IOException(e.getMessage(), e);
            }
            return new ModelInfo(
                    model,
                    scorerName,
                    md.name(),
                    md.version(),
                    Double.isNaN(threshold) ? md.threshold() : threshold,
                    scorer.preprocessing());
        }
        String name = fileName(model);
        Path checkpoints = model.getParent();
        Path run = checkpoints == null ? null : checkpoints.getParent();
        if (name.startsWith("step-") && run != null) {
            name = fileName(run) + "@" + name; // runs/<id>/checkpoints/step-N
        }
        return new ModelInfo(
                model,
                scorerName,
                name,
                null,
                Double.isNaN(threshold) ? DEFAULT_THRESHOLD : threshold,
                scorer.preprocessing());
    }

    /** --out, else runs/&lt;run-id&gt;/report, else the run the model lies in, else runs/eval-&lt;model&gt;/report. */
    Path reportDir(EvalArgs args, Path model, ModelInfo info) {
        if (args.out() != null) {
            return workspace.resolve(args.out()).normalize();
        }
        Path runs = workspace.resolve("runs");
        if (args.runId() != null) {
            return runs.resolve(args.runId()).resolve("report");
        }
        for (Path p = model, parent = p.getParent(); parent != null; p = parent, parent = p.getParent()) {
            if (fileName(parent).equals("runs")) {
                return p.resolve("report");
            }
        }
        String id = "eval-" + info.name() + (info.version() == null ? "" : "-" + info.version());
        return runs.resolve(id.replaceAll("[^A-Za-z0-9._@-]+", "_")).resolve("report");
    }

    /** The last name of a path, empty for a root. */
    static String fileName(Path p) {
        Path f = p.getFileName();
        return f == null ? "" : f.toString();
    }

    /** Generators by plugin name, for callers that hold them as plugins. */
    static Map<String, ForgeryGenerator> byName(List<Plugin<ForgeryGenerator>> plugins) {
        Map<String, ForgeryGenerator> m = new LinkedHashMap<>();
        plugins.forEach(p -> m.put(p.name(), p.service()));
        return m;
    }
}
