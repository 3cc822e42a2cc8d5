package dev.prodet.train.api;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** A training run started by a {@link Trainer}. Thread-safe; any thread may query or cancel it. */
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
}
