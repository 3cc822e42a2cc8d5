package dev.prodet.train.djl.internal;

import dev.prodet.api.model.InitialWeights;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.api.StepEvent;
import dev.prodet.train.api.TrainingListener;
import dev.prodet.train.api.TrainingRequest;
import dev.prodet.train.api.TrainingRun;
import dev.prodet.train.api.TrainingState;
import dev.prodet.train.djl.internal.data.ForgeryBatchSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One training run on its own thread: steps from {@code firstStep} to {@code steps}, checkpoints every N steps and
 * at the end (or on cancel), scalars per step. At every step boundary it asks its own {@link RunStrategy} for the
 * strategy to use; a different one (another name, or a new service of the same name after a bundle update) is
 * swapped in there and logged to scalars.jsonl with its step, so a swap never interrupts a step. While no service
 * of the wanted name is registered the run waits at the boundary, says so, and goes on when one comes back.
 */
final class TrainingRunner implements TrainingRun, Runnable {
    /** What the runner needs besides the session. */
    record Plan(
            String id,
            Path runDir,
            long firstStep,
            long steps,
            int checkpointEvery,
            int logEvery,
            long seed,
            String backbone,
            List<String> generators,
            String dataset,
            Preprocessing preprocessing,
            int framesPerVideo,
            InitialWeights pretrained,
            String codeVersion,
            Duration budget) {}

    /**
     * Held for each optimizer step: DJL's PyTorch engine allows one gradient collector at a time per process, and a
     * step sets the engine's random seed, so the runs of one runtime take their steps in turn (their batches are
     * still made in parallel).
     */
    private static final Object ENGINE = new Object();

    private final Plan plan;
    private final TrainingRequest request;
    private final TrainingSession session;
    private final ForgeryBatchSource<Batch> batches;
    private final RunStrategy strategies;
    private final List<TrainingListener> listeners;
    private final ProgressReporter progress;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long step;
    private volatile TrainingState state = TrainingState.RUNNING;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private volatile String strategyName;
    private volatile String waitingFor;

    TrainingRunner(
            Plan plan,
            TrainingRequest request,
            TrainingSession session,
            ForgeryBatchSource<Batch> batches,
            RunStrategy strategies,
            List<TrainingListener> listeners,
            ProgressReporter progress) {
        this.plan = plan;
        this.request = request;
        this.session = session;
        this.strategyName = session.strategy().name();
        this.batches = batches;
        this.strategies = strategies;
        this.listeners = List.copyOf(listeners);
        this.progress = progress;
        this.step = plan.firstStep();
    }

    @Override
    public void run() {
        try (ScalarsLog scalars = new ScalarsLog(plan.runDir().resolve("scalars.jsonl"))) {
            if (plan.firstStep() > 0) {
                scalars.event(
                        "resume",
                        plan.firstStep(),
                        Map.of("strategy", session.strategy().name()));
                progress.message("resuming " + plan.id() + " at step " + plan.firstStep());
            }
            long last = plan.firstStep() - 1;
            long deadline = plan.budget() == null
                    ? Long.MAX_VALUE
                    : System.nanoTime() + plan.budget().toNanos();
            for (long s = plan.firstStep(); s < plan.steps() && !cancelled; s++) {
                if (System.nanoTime() > deadline) {
                    scalars.event("budget", s, Map.of("minutes", plan.budget().toMinutes()));
                    progress.message("time budget of " + plan.budget().toMinutes() + " min used up at step " + s);
                    break;
                }
                swapIfAsked(s, scalars);
                long t0 = System.nanoTime();
                Batch batch = batches.take(s);
                TrainingSession.StepResult r;
                synchronized (ENGINE) {
                    r = session.step(batch, s);
                }
                double ips = batch.rows() / ((System.nanoTime() - t0) / 1e9);
                scalars.step(r, session.strategy().name(), ips);
                progress.step(r, session.strategy().name(), ips);
                StepEvent ev = new StepEvent(plan.id(), s, r.loss(), r.components(), ips);
                listeners.forEach(l -> l.onStep(ev));
                last = s;
                step = s + 1;
                if ((s + 1) % plan.checkpointEvery() == 0 && s + 1 < plan.steps()) {
                    checkpoint(s);
                }
            }
            if (last >= plan.firstStep()) {
                checkpoint(last);
            }
            state = cancelled ? TrainingState.CANCELLED : TrainingState.COMPLETED;
            progress.message(plan.id() + " " + state.name().toLowerCase() + " at step " + step + "; run folder "
                    + plan.runDir());
        } catch (Throwable t) {
            failure = t;
            state = TrainingState.FAILED;
            progress.message(plan.id() + " failed at step " + step + ": " + t);
        } finally {
            waitingFor = null;
            strategies.close();
            batches.close();
            session.close();
            done.countDown();
            listeners.forEach(l -> l.onFinished(this));
        }
    }

    private void swapIfAsked(long s, ScalarsLog scalars) throws InterruptedException {
        RegularizerStrategy wanted = strategies.get();
        if (wanted == null && !cancelled) {
            String name = strategies.wanted();
            waitingFor = "regularizer '" + name + "' is not registered (its bundle is stopped or being updated);"
                    + " the run waits at step " + s + " until it is back or another strategy is swapped in";
            scalars.event("waiting", s, Map.of("strategy", name));
            progress.message(waitingFor);
            while (wanted == null && !cancelled) {
                Thread.sleep(200);
                wanted = strategies.get();
            }
            waitingFor = null;
        }
        if (wanted != null && wanted != session.strategy()) {
            String from = session.strategy().name();
            String to = wanted.name();
            session.swap(wanted);
            strategyName = to;
            scalars.event("swap", s, Map.of("from", from, "to", to));
            progress.message("regularizer " + from + " -> " + to + " at step " + s);
            strategies.applied(wanted, s);
            listeners.forEach(l -> l.onStrategySwap(from, to, s));
        } else if (wanted != null) {
            strategies.applied(wanted, s); // a request for the strategy in use: nothing to switch
        }
    }

    private void checkpoint(long s) throws java.io.IOException {
        Path dir = Checkpoint.write(
                plan.runDir().resolve("checkpoints"),
                session,
                new TrainingCheckpoint.State(
                        s,
                        session.strategy().name(),
                        plan.seed(),
                        plan.id(),
                        plan.backbone(),
                        plan.generators(),
                        plan.dataset(),
                        plan.preprocessing(),
                        plan.framesPerVideo(),
                        plan.pretrained(),
                        plan.codeVersion()));
        listeners.forEach(l -> l.onCheckpoint(dir, s));
    }

    /** The model being trained (for the benchmark, which drives a run that is not started). */
    TrainingSession session() {
        return session;
    }

    /** Where the run's batches come from. */
    ForgeryBatchSource<Batch> batches() {
        return batches;
    }

    @Override
    public String id() {
        return plan.id();
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public TrainingState state() {
        return state;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public TrainingRequest request() {
        return request;
    }

    @Override
    public Path folder() {
        return plan.runDir();
    }

    @Override
    public String strategy() {
        return strategyName;
    }

    @Override
    public Optional<String> waitingFor() {
        return Optional.ofNullable(waitingFor);
    }

    @Override
    public CompletionStage<Long> swapRegularizer(String name) {
        if (state.isTerminal()) {
            throw new IllegalStateException(
                    "run " + plan.id() + " has ended (" + state.name().toLowerCase() + ")");
        }
        return strategies.request(name);
    }
}
