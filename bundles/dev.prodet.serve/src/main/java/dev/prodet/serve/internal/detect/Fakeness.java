package dev.prodet.serve.internal.detect;

import dev.prodet.serve.internal.infer.Tensor;
import java.util.Map;

/**
 * Reads per-image fakeness from model outputs: {@code p_fake} [N] when present, else the softmax of {@code logits}
 * [N, 2] (class 1 = fake).
 */
public final class Fakeness {
    /** Output holding the fake probability. */
    public static final String P_FAKE = "p_fake";
    /** Output holding the two class logits. */
    public static final String LOGITS = "logits";

    private Fakeness() {}

    /** Whether a model with these outputs can be scored. */
    public static boolean scorable(java.util.Collection<String> outputNames) {
        return outputNames.contains(P_FAKE) || outputNames.contains(LOGITS);
    }

    /** Fakeness of each of {@code n} images, clamped to [0, 1]; NaN is an error. */
    public static double[] of(Map<String, Tensor> outputs, int n) {
        double[] out = new double[n];
        Tensor p = outputs.get(P_FAKE);
        if (p != null && p.data().length == n) {
            for (int i = 0; i < n; i++) {
                out[i] = clamp(p.data()[i]);
            }
            return out;
        }
        Tensor logits = outputs.get(LOGITS);
        if (logits != null && logits.data().length == 2L * n) {
            for (int i = 0; i < n; i++) {
                double a = logits.data()[2 * i];
                double b = logits.data()[2 * i + 1];
                out[i] = clamp(1.0 / (1.0 + Math.exp(a - b)));
            }
            return out;
        }
        throw new IllegalStateException(
                "the model gives neither p_fake [" + n + "] nor logits [" + n + ", 2]; outputs: " + outputs.keySet());
    }

    private static double clamp(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalStateException("the model gave NaN as fakeness");
        }
        return Math.max(0, Math.min(1, v));
    }
}
