package dev.prodet.eval.internal.metrics;

import java.util.Arrays;

/**
 * ROC AUC as the Mann–Whitney statistic: the fraction of (fake, real) pairs in which the fake scores higher, a tie
 * counting one half. This equals the rank-sum formula with average ranks for ties and scikit-learn's trapezoidal
 * {@code roc_auc_score}. The items are sorted once; {@link #weighted(double[])} then scores a bootstrap resample (an
 * item drawn k times has weight k) in linear time.
 */
public final class Auc {
    private final double[] sorted;
    private final int[] labels;
    private final int[] order;

    /** Sorts the items by score; both classes must be present. */
    public Auc(BinaryScores s, String what) {
        s.requireBothClasses(what);
        Integer[] idx = new Integer[s.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(s.score(a), s.score(b)));
        order = new int[idx.length];
        sorted = new double[idx.length];
        labels = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            order[i] = idx[i];
            sorted[i] = s.score(idx[i]);
            labels[i] = s.label(idx[i]);
        }
    }

    /** AUC of the items, each with weight 1. */
    public static double of(BinaryScores s, String what) {
        return new Auc(s, what).weighted(null);
    }

    /**
     * AUC with a weight per item (in the order of the {@link BinaryScores} given to the constructor), or all weights
     * 1 when {@code weights} is null.
     *
     * @return the AUC, or NaN when the weights leave one class empty
     */
    public double weighted(double[] weights) {
        double negBelow = 0;
        double pos = 0;
        double neg = 0;
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            // a group of tied scores: its fakes beat every real below and tie with the reals in the group
            double gPos = 0;
            double gNeg = 0;
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                double w = weights == null ? 1 : weights[order[j]];
                if (labels[j] == 1) {
                    gPos += w;
                } else {
                    gNeg += w;
                }
                j++;
            }
            sum += gPos * (negBelow + 0.5 * gNeg);
            negBelow += gNeg;
            pos += gPos;
            neg += gNeg;
            i = j;
        }
        return pos == 0 || neg == 0 ? Double.NaN : sum / (pos * neg);
    }
}
