package dev.prodet.train.djl.internal;

import ai.djl.engine.Engine;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.train.api.Trainer;
import dev.prodet.train.api.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo verb {@code prodet:benchtrain} ({@code ./prodet bench train}): see {@link TrainBenchmark}. */
@Component(service = TrainBenchCommands.class)
@GogoCommand(scope = "prodet", function = "benchtrain")
public final class TrainBenchCommands {
    static final String USAGE = "usage: prodet:benchtrain [CONFIG.yaml] [--threads 1,2] [--replicas 1,2] [--steps N]"
            + " [--rounds N] [--pipeline-batches N] [--set key.path=value]... [--export-checkpoint DIR]";
    static final String DEFAULT_CONFIG = "configs/experiments/prodet-compact-cpu.yaml";

    private final DjlTrainer trainer;

    @Activate
    public TrainBenchCommands(@Reference(target = "(prodet.trainer.name=djl)") Trainer trainer) {
        this.trainer = (DjlTrainer) trainer;
    }

    @Descriptor("model step alone at each thread and replica count, data pipeline alone, and both together")
    public String benchtrain(
            @Descriptor("[CONFIG.yaml] [--threads 1,2] [--replicas 1,2] [--steps N] ...") String... args)
            throws Exception {
        String config = DEFAULT_CONFIG;
        List<Integer> threads = List.of(1, 2);
        List<Integer> replicas = List.of(1, 2);
        int steps = 20;
        int rounds = 3;
        int batches = 12;
        Path export = null;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = parseCounts("--threads", value(args, ++i));
                case "--replicas" -> replicas = parseCounts("--replicas", value(args, ++i));
                case "--steps" -> steps = positive("--steps", value(args, ++i));
                case "--rounds" -> rounds = positive("--rounds", value(args, ++i));
                case "--pipeline-batches" -> batches = Math.max(3, positive("--pipeline-batches", value(args, ++i)));
                case "--set" -> sets.add(value(args, ++i));
                case "--export-checkpoint" -> export = Path.of(value(args, ++i));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
                    }
                    config = args[i];
                }
            }
        }
        String runId = "bench-train-" + ProcessHandle.current().pid();
        DjlTrainer.Prepared p =
                trainer.prepare(new TrainingRequest(Path.of(config), runId, false, DjlTrainer.parseOverrides(sets)));
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(Engine.class.getClassLoader());
        TrainingRunner runner = p.runner();
        try {
            if (export != null) {
                Path dir = Checkpoint.write(
                        export,
                        runner.session(),
                        new TrainingCheckpoint.State(
                                0,
                                runner.session().strategy().name(),
                                p.config().run().seed(),
                                runId,
                                p.config().model().backbone(),
                                List.of(),
                                p.config().data().root(),
                                null));
                System.out.println("[bench] initial weights for bench/torch_step.py: " + dir);
            }
            return new TrainBenchmark(runner.session(), runner.batches(), p.config(), System.out)
                    .run(new TrainBenchmark.Options(threads, replicas, steps, rounds, 3, batches));
        } finally {
            t.setContextClassLoader(old);
            runner.batches().close();
            runner.session().close();
            p.strategy().close();
            p.plugins().close();
            deleteRunFolder(runner.folder());
        }
    }

    /** The run folder holds only the copied config: the benchmark writes no checkpoints or scalars there. */
    private static void deleteRunFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            Checkpoint.deleteTree(dir);
        }
    }

    static List<Integer> parseCounts(String option, String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(",")) {
            out.add(positive(option, part.trim()));
        }
        return List.copyOf(out);
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, got '" + v + "'");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value; " + USAGE);
        }
        return args[i];
    }
}
