package dev.prodet.api.data;

import java.util.Locale;

/** The part of a dataset a sample belongs to. Model selection uses {@link #VAL}, never {@link #TEST}. */
public enum Split {
    /** Training data. */
    TRAIN,
    /** Validation data, for model selection and thresholds. */
    VAL,
    /** Held-out test data, for reported numbers only. */
    TEST;

    /** Lower-case name as used in configs and manifests: {@code train}, {@code val}, {@code test}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code train}, {@code val} or {@code test}, ignoring case; {@code validation} is accepted for val. */
    public static Split parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "train" -> TRAIN;
            case "val", "validation" -> VAL;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException("split must be one of train, val, test, got: " + s);
        };
    }
}
