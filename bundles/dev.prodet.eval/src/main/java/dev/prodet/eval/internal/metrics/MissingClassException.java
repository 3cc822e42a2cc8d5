package dev.prodet.eval.internal.metrics;

/** A metric that compares real with fake was asked for scores of one class only. */
public final class MissingClassException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message says which metric, which data and which class is absent */
    public MissingClassException(String message) {
        super(message);
    }
}
