package dev.prodet.train.djl.internal;

import dev.prodet.train.api.Trainer;
import dev.prodet.train.api.TrainingRequest;
import dev.prodet.train.api.TrainingRun;
import dev.prodet.train.api.TrainingState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo verbs {@code prodet:train} and {@code prodet:runs}. */
@Component(service = TrainCommands.class)
@GogoCommand(
        scope = "prodet",
        function = {"train", "runs"})
public final class TrainCommands {
    static final String USAGE =
            "usage: prodet:train CONFIG.yaml [--set key.path=value]... [--run-id ID] [--resume]" + " [--detach]";

    private final Trainer trainer;

    @Activate
    public TrainCommands(@Reference(target = "(prodet.trainer.name=djl)") Trainer trainer) {
        this.trainer = trainer;
    }

    @Descriptor("train a detector from an experiment config (configs/experiments/*.yaml); waits unless --detach")
    public String train(@Descriptor("CONFIG.yaml [--set k=v]... [--run-id ID] [--resume] [--detach]") String... args)
            throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        String config = null;
        String runId = null;
        boolean resume = false;
        boolean detach = false;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> sets.add(value(args, ++i));
                case "--run-id" -> runId = value(args, ++i);
                case "--resume" -> resume = true;
                case "--detach" -> detach = true;
                default -> {
                    if (args[i].startsWith("--") || config != null) {
                        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; " + USAGE);
                    }
                    config = args[i];
                }
            }
        }
        if (config == null) {
            throw new IllegalArgumentException(USAGE);
        }
        if (runId == null) {
            String file = String.valueOf(Path.of(config).getFileName());
            runId = file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
        }
        TrainingRun run =
                trainer.start(new TrainingRequest(Path.of(config), runId, resume, DjlTrainer.parseOverrides(sets)));
        if (detach) {
            return "started run " + run.id() + " (prodet:runs shows its progress)";
        }
        while (!run.awaitCompletion(Duration.ofSeconds(1))) {
            // progress is printed by the run itself
        }
        if (run.state() == TrainingState.FAILED) {
            Throwable t = run.failure().orElseThrow();
            throw new IllegalStateException("run " + run.id() + " failed at step " + run.step() + ": " + t, t);
        }
        return "run " + run.id() + " " + run.state().name().toLowerCase() + " after " + run.step() + " steps";
    }

    @Descriptor("list the training runs of this runtime")
    public String runs() {
        StringBuilder sb = new StringBuilder();
        for (TrainingRun r : trainer.runs()) {
            sb.append(String.format("%-28s %-10s step %d%n", r.id(), r.state(), r.step()));
        }
        return sb.length() == 0 ? "no runs" : sb.toString().stripTrailing();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value; " + USAGE);
        }
        return args[i];
    }
}
