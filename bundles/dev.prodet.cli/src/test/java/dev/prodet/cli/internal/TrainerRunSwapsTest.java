package dev.prodet.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.train.api.Trainer;
import dev.prodet.train.api.TrainingRequest;
import dev.prodet.train.api.TrainingRun;
import dev.prodet.train.api.TrainingState;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class TrainerRunSwapsTest {

    /** A run that applies a swap at once (or never, with {@code applies} false). */
    static final class Run implements TrainingRun {
        final String id;
        final TrainingState state;
        final boolean applies;
        String strategy;

        Run(String id, TrainingState state, String strategy, boolean applies) {
            this.id = id;
            this.state = state;
            this.strategy = strategy;
            this.applies = applies;
        }

        @Override
        public CompletionStage<Long> swapRegularizer(String name) {
            if (name.equals("nope")) {
                throw new IllegalArgumentException("unknown regularizer plugin 'nope'; available: vht");
            }
            if (!applies) {
                return new CompletableFuture<>();
            }
            strategy = name;
            return CompletableFuture.completedFuture(42L);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public long step() {
            return 42;
        }

        @Override
        public TrainingState state() {
            return state;
        }

        @Override
        public void cancel() {}

        @Override
        public boolean awaitCompletion(Duration timeout) {
            return state.isTerminal();
        }

        @Override
        public Optional<Throwable> failure() {
            return Optional.empty();
        }

        @Override
        public TrainingRequest request() {
            return TrainingRequest.of(Path.of(id + ".yaml"), id);
        }

        @Override
        public Path folder() {
            return Path.of("runs", id);
        }

        @Override
        public String strategy() {
            return strategy;
        }

        @Override
        public Optional<String> waitingFor() {
            return Optional.empty();
        }
    }

    static TrainerRunSwaps swaps(TrainingRun... runs) throws Exception {
        Trainer trainer = new Trainer() {
            @Override
            public TrainingRun start(TrainingRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<TrainingRun> runs() {
                return List.of(runs);
            }
        };
        TrainerRunSwaps s = new TrainerRunSwaps();
        Field f = TrainerRunSwaps.class.getDeclaredField("trainers"); // as SCR injects it
        f.setAccessible(true);
        f.set(s, List.of(trainer));
        return s;
    }

    @Test
    void theOnlyRunGoingIsSwappedWithoutNamingIt() throws Exception {
        Run a = new Run("a", TrainingState.RUNNING, "opr-tb", true);
        TrainerRunSwaps s = swaps(new Run("old", TrainingState.COMPLETED, "vht", true), a);
        assertEquals("run a: regularizer opr-tb -> vht from step 42", s.swap("regularizer", "vht", null, 1000));
        assertEquals("vht", a.strategy());
        assertEquals(Map.of("regularizer", List.of("vht")), s.inUse());
    }

    @Test
    void withSeveralRunsGoingOneMustBeNamedAndOnlyItChanges() throws Exception {
        Run a = new Run("a", TrainingState.RUNNING, "opr-tb", true);
        Run b = new Run("b", TrainingState.RUNNING, "vht", true);
        TrainerRunSwaps s = swaps(a, b);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> s.swap("regularizer", "opr-mc", null, 1000));
        assertEquals("2 runs are going (a, b); say which with --run ID", e.getMessage());
        s.swap("regularizer", "opr-mc", "b", 1000);
        assertEquals("opr-tb", a.strategy());
        assertEquals("opr-mc", b.strategy());
    }

    @Test
    void unknownEndedAndMissingRunsAndUnknownPluginsAreRefusedByName() throws Exception {
        TrainerRunSwaps s = swaps(new Run("done", TrainingState.CANCELLED, "vht", true));
        assertTrue(assertThrows(IllegalStateException.class, () -> s.swap("regularizer", "vht", "done", 10))
                .getMessage()
                .contains("run done has ended (cancelled)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.swap("regularizer", "vht", "x", 10))
                .getMessage()
                .contains("no run 'x' in this runtime; runs: done"));
        assertTrue(assertThrows(IllegalStateException.class, () -> s.swap("regularizer", "vht", null, 10))
                .getMessage()
                .startsWith("no training run is going"));
        TrainerRunSwaps live = swaps(new Run("a", TrainingState.RUNNING, "vht", true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> live.swap("regularizer", "nope", null, 10))
                .getMessage()
                .contains("available: vht"));
    }

    @Test
    void aSwapNotYetAppliedSaysItAppliesAtTheNextStepBoundary() throws Exception {
        TrainerRunSwaps s = swaps(new Run("slow", TrainingState.RUNNING, "opr-tb", false));
        assertEquals(
                "run slow: regularizer opr-tb -> vht at its next step boundary (the current step is still running)",
                s.swap("regularizer", "vht", null, 50));
    }
}
