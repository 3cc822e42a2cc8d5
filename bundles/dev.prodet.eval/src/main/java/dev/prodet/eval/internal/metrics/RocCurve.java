package dev.prodet.eval.internal.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The ROC points as scikit-learn's {@code roc_curve} returns them with its default {@code drop_intermediate=True}:
 * a first point (0, 0) at threshold +∞, then one point per distinct score, highest first, keeping only the corners
 * of the curve. The EER is read off these points, as DeepfakeBench does, so they must be the same points.
 *
 * @param fpr false positive rate per point
 * @param tpr true positive rate per point
 * @param thresholds score threshold per point (predict fake when score ≥ threshold)
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

    /** Computes the curve; both classes must be present. */
    public static RocCurve of(BinaryScores s, String what) {
        s.requireBothClasses(what);
        Curve c = Curve.of(s);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            // a point between two others is dropped when both counts change linearly through it (collinear)
            boolean inner = i > 0 && i < c.size() - 1;
            if (!inner || secondDiff(c.fps, i) != 0 || secondDiff(c.tps, i) != 0) {
                keep.add(i);
            }
        }
        if (c.size() <= 2) { // scikit-learn only drops when there are more than two points
            keep.clear();
            for (int i = 0; i < c.size(); i++) {
                keep.add(i);
            }
        }
        double[] fpr = new double[keep.size() + 1];
        double[] tpr = new double[keep.size() + 1];
        double[] th = new double[keep.size() + 1];
        th[0] = Double.POSITIVE_INFINITY;
        double p = c.tps[c.size() - 1];
        double n = c.fps[c.size() - 1];
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            fpr[k + 1] = c.fps[i] / n;
            tpr[k + 1] = c.tps[i] / p;
            th[k + 1] = c.thresholds[i];
        }
        return new RocCurve(fpr, tpr, th);
    }

    private static double secondDiff(double[] v, int i) {
        return v[i + 1] - 2 * v[i] + v[i - 1];
    }

    /**
     * Equal error rate as DeepfakeBench computes it: the FPR at the first point where |FNR − FPR| is smallest.
     */
    public double eer() {
        int best = 0;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < fpr.length; i++) {
            double gap = Math.abs((1 - tpr[i]) - fpr[i]);
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return fpr[best];
    }

    /** Number of points. */
    public int size() {
        return fpr.length;
    }
}
