package dev.prodet.api.nn;

/** Argument checks shared by the operation records; messages name the operation, the field and the value. */
final class Checks {
    private Checks() {}

    static void positive(String op, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            int v = (Integer) namesAndValues[i + 1];
            if (v <= 0) {
                throw new IllegalArgumentException(op + ": " + namesAndValues[i] + " must be > 0, got " + v);
            }
        }
    }

    /** The fields every convolution has: channels, kernel and stride > 0, a padding. */
    static void convolution(String op, int in, int out, int kH, int kW, int sH, int sW, Padding padding) {
        positive(op, "inChannels", in, "outChannels", out, "kernelH", kH, "kernelW", kW, "strideH", sH, "strideW", sW);
        notNull(op, "padding", padding);
    }

    static void notNull(String op, String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(op + ": " + field + " must not be null");
        }
    }

    static void probability(String op, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(op + ": rate must be in [0, 1), got " + p);
        }
    }
}
