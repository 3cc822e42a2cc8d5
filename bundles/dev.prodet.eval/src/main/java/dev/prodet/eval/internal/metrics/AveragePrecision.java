package dev.prodet.eval.internal.metrics;

/**
 * Average precision as scikit-learn's {@code average_precision_score}: Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct score
 * thresholds, highest first, with R₀ = 0 (a step function, not the trapezoidal area under the PR curve).
 */
public final class AveragePrecision {
    private AveragePrecision() {}

    /** AP with fake as the positive class; both classes must be present. */
    public static double of(BinaryScores s, String what) {
        s.requireBothClasses(what);
        Curve c = Curve.of(s);
        double positives = c.tps[c.size() - 1];
        double ap = 0;
        double prevRecall = 0;
        for (int i = 0; i < c.size(); i++) {
            double recall = c.tps[i] / positives;
            double precision = c.tps[i] / (c.tps[i] + c.fps[i]);
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
        }
        return ap;
    }
}
