package dev.prodet.api.data;

/** Ground truth of a sample as stored in a dataset: real footage or any manipulation. */
public enum Label {
    /** Pristine footage. */
    REAL(0),
    /** Any manipulation (deepfake, face swap, reenactment, ...). */
    FAKE(1);

    private final int code;

    Label(int code) {
        this.code = code;
    }

    /** The binary label used by metrics: 0 for real, 1 for fake (DeepfakeBench convention). */
    public int code() {
        return code;
    }

    /** The label for a binary code 0 or 1. */
    public static Label fromCode(int code) {
        return switch (code) {
            case 0 -> REAL;
            case 1 -> FAKE;
            default -> throw new IllegalArgumentException("Label code must be 0 (REAL) or 1 (FAKE), got: " + code);
        };
    }
}
