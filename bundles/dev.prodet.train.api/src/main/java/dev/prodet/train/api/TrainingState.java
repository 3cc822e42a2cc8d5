package dev.prodet.train.api;

/** Life-cycle state of a {@link TrainingRun}. */
public enum TrainingState {
    /** Steps are being taken. */
    RUNNING,
    /** All steps done and the final checkpoint written. */
    COMPLETED,
    /** Stopped by an error; see {@link TrainingRun#failure()}. */
    FAILED,
    /** Stopped by {@link TrainingRun#cancel()}. */
    CANCELLED;

    /** Whether the run has ended (any state but {@link #RUNNING}). */
    public boolean isTerminal() {
        return this != RUNNING;
    }
}
