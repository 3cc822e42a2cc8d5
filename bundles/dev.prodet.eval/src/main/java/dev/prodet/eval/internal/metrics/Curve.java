package dev.prodet.eval.internal.metrics;

import java.util.Arrays;

/**
 * Cumulative true and false positives at each distinct score, highest score first: scikit-learn's
 * {@code _binary_clf_curve}, shared by the ROC curve and average precision.
 */
final class Curve {
    final double[] thresholds;
    final double[] tps;
    final double[] fps;

    private Curve(double[] thresholds, double[] tps, double[] fps) {
        this.thresholds = thresholds;
        this.tps = tps;
        this.fps = fps;
    }

    static Curve of(BinaryScores s) {
        int n = s.size();
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(s.score(b), s.score(a)));
        double[] th = new double[n];
        double[] tp = new double[n];
        double[] fp = new double[n];
        int k = 0;
        double cumTp = 0;
        double cumFp = 0;
        for (int i = 0; i < n; i++) {
            int item = idx[i];
            cumTp += s.label(item);
            cumFp += 1 - s.label(item);
            // one point per distinct score, after all items with that score
            if (i == n - 1 || s.score(idx[i + 1]) != s.score(item)) {
                th[k] = s.score(item);
                tp[k] = cumTp;
                fp[k] = cumFp;
                k++;
            }
        }
        return new Curve(Arrays.copyOf(th, k), Arrays.copyOf(tp, k), Arrays.copyOf(fp, k));
    }

    int size() {
        return thresholds.length;
    }
}
