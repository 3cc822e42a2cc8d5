package dev.prodet.train.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A training run started by a {@link Trainer}. Thread-safe; any thread may query, steer or cancel it.
 *
 * <p>Each run holds its own regularizer strategy, chosen by its config and changed only by
 * {@link #swapRegularizer(String)} on that run: starting or steering another run never changes it.
 */
@ProviderType
public interface TrainingRun {

    /** The run id of the request that started it. */
    String id();

    /** Number of optimizer steps completed so far. */
    long step();

    /** Current state. */
    TrainingState state();

    /** Asks the run to stop at the next step boundary; it then writes a checkpoint and ends {@code CANCELLED}. */
    void cancel();

    /**
     * Waits until the run has ended.
     *
     * @return {@code true} when the run reached a terminal state within the timeout
     */
    boolean awaitCompletion(Duration timeout) throws InterruptedException;

    /** The error that ended the run when it is {@link TrainingState#FAILED}, otherwise empty. */
    Optional<Throwable> failure();

    /**
     * The request that started the run: config file, overrides, resume.
     *
     * @since 1.1
     */
    TrainingRequest request();

    /**
     * The run's folder: {@code scalars.jsonl} (one JSON object per step or event), {@code config.yaml} and
     * {@code checkpoints/}.
     *
     * @since 1.1
     */
    Path folder();

    /**
     * Name of the regularizer strategy the run's steps use now.
     *
     * @since 1.1
     */
    String strategy();

    /**
     * Why a {@link TrainingState#RUNNING} run takes no steps at the moment, e.g. its strategy's bundle was stopped
     * and no service of that name is registered; empty while it trains normally or after it has ended.
     *
     * @since 1.1
     */
    Optional<String> waitingFor();

    /**
     * Asks the run to use the regularizer strategy plugin of the given name from its next step boundary on. Returns
     * at once; the swap is applied between two steps (never inside one), logged in {@code scalars.jsonl} as an
     * event {@code swap} with its step, and reported to the listeners. A later request replaces one not yet
     * applied (whose stage then completes exceptionally).
     *
     * @param name the strategy plugin's name ({@code prodet.regularizer.name}), e.g. {@code opr-mc}
     * @return completes with the first step that uses the new strategy, or exceptionally when the run ends or a
     *     later request replaces this one before it was applied
     * @throws IllegalArgumentException when no regularizer plugin of that name is registered (the message lists
     *     those that are)
     * @throws IllegalStateException when the run has ended
     * @since 1.1
     */
    CompletionStage<Long> swapRegularizer(String name);
}
