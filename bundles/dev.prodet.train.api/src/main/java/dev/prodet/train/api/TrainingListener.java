package dev.prodet.train.api;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows training runs. Register an implementation as an OSGi service and every trainer calls it (whiteboard
 * pattern); override only the events of interest.
 *
 * <p>Calls come from the training thread between steps: return quickly and never throw (a trainer logs and ignores
 * a listener's exception so that monitoring cannot break a run).
 */
@ConsumerType
public interface TrainingListener {

    /** After each optimizer step. */
    default void onStep(StepEvent event) {}

    /** After a checkpoint has been written completely. */
    default void onCheckpoint(Path checkpoint, long step) {}

    /**
     * After the regularizer strategy was swapped at a step boundary.
     *
     * @param from name of the strategy used up to {@code step}
     * @param to name of the strategy used from {@code step} on
     */
    default void onStrategySwap(String from, String to, long step) {}

    /** Once, when a run has reached a terminal state. */
    default void onFinished(TrainingRun run) {}
}
