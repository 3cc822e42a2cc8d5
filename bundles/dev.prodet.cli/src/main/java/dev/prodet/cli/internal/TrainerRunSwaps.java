package dev.prodet.cli.internal;

import dev.prodet.train.api.Trainer;
import dev.prodet.train.api.TrainingRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Regularizer swaps addressed to training runs, through {@link TrainingRun#swapRegularizer}. Satisfied only while a
 * {@link Trainer} is registered, so in the edge runtime (no training API) this class is never loaded.
 */
@Component(service = RunSwaps.class)
public final class TrainerRunSwaps implements RunSwaps {
    private static final String KIND = "regularizer";

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Trainer> trainers;

    @Override
    public boolean holds(String kind) {
        return KIND.equals(kind);
    }

    @Override
    public String swap(String kind, String name, String runId, long waitMillis) throws InterruptedException {
        if (!holds(kind)) {
            throw new IllegalArgumentException("runs hold no '" + kind + "' plugin");
        }
        TrainingRun run = runId == null ? onlyRunGoing() : named(runId);
        String from = run.strategy();
        CompletionStage<Long> applied = run.swapRegularizer(name);
        String head = "run " + run.id() + ": " + KIND + " " + from + " -> " + name;
        try {
            long step = applied.toCompletableFuture().get(waitMillis, TimeUnit.MILLISECONDS);
            return head + " from step " + step;
        } catch (TimeoutException e) {
            return head + " at its next step boundary (the current step is still running)";
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    head + " not applied: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public Map<String, List<String>> inUse() {
        return Map.of(
                KIND, going().stream().map(TrainingRun::strategy).distinct().toList());
    }

    private List<TrainingRun> going() {
        List<TrainingRun> out = new ArrayList<>();
        for (Trainer t : trainers) {
            t.runs().stream().filter(r -> !r.state().isTerminal()).forEach(out::add);
        }
        return out;
    }

    private TrainingRun onlyRunGoing() {
        List<TrainingRun> going = going();
        if (going.isEmpty()) {
            throw new IllegalStateException("no training run is going; a " + KIND + " swap applies to a run "
                    + "(start one with prodet:train CONFIG --detach)");
        }
        if (going.size() > 1) {
            throw new IllegalArgumentException(going.size() + " runs are going ("
                    + String.join(", ", going.stream().map(TrainingRun::id).toList())
                    + "); say which with --run ID");
        }
        return going.get(0);
    }

    private TrainingRun named(String id) {
        List<String> ids = new ArrayList<>();
        TrainingRun ended = null;
        for (Trainer t : trainers) {
            for (TrainingRun r : t.runs()) {
                if (r.id().equals(id)) {
                    if (!r.state().isTerminal()) {
                        return r;
                    }
                    ended = r;
                }
                ids.add(r.id());
            }
        }
        if (ended != null) {
            throw new IllegalStateException(
                    "run " + id + " has ended (" + ended.state().name().toLowerCase() + "); nothing to swap");
        }
        throw new IllegalArgumentException("no run '" + id + "' in this runtime; runs: "
                + (ids.isEmpty()
                        ? "none"
                        : String.join(", ", ids.stream().distinct().toList())));
    }
}
