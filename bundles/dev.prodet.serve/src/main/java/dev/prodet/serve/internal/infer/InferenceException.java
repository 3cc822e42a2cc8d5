package dev.prodet.serve.internal.infer;

/** Inference did not produce an answer; {@link #kind()} says whether the caller may retry. */
public final class InferenceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why inference failed. */
    public enum Kind {
        /** The queue in front of the model is full; retry later. */
        OVERLOADED,
        /** No answer within the request timeout. */
        TIMEOUT,
        /** The model version was closed (unloaded) before it could run. */
        CLOSED,
        /** The engine failed to run the model. */
        FAILED
    }

    private final Kind kind;

    /**
     * @param kind why it failed
     * @param message what happened, naming the model
     * @param cause the engine's error, or {@code null}
     */
    public InferenceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Why it failed. */
    public Kind kind() {
        return kind;
    }
}
