package dev.prodet.eval.internal.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * Chooses a decision threshold on validation scores (predict fake when score &ge; threshold): the equal error rate
 * point, or the most sensitive threshold whose false-positive rate on the reals stays within a target. The threshold
 * is put halfway between two neighbouring scores, never on a score, so that a validation item is not decided by
 * rounding; when several thresholds are equally good it is put in the middle of their range.
 *
 * @param threshold the chosen threshold, in [0, 1]
 * @param falsePositiveRate share of validation reals at or above it
 * @param truePositiveRate share of validation fakes at or above it
 * @param reals validation reals
 * @param fakes validation fakes
 */
public record ThresholdCalibration(
        double threshold, double falsePositiveRate, double truePositiveRate, int reals, int fakes) {

    /** The equal error rate point: the threshold where the false-positive and false-negative rates are closest. */
    public static ThresholdCalibration eer(BinaryScores s) {
        Rates r = new Rates(s);
        double[] t = r.candidates();
        double best = Double.POSITIVE_INFINITY;
        int first = 0;
        int last = 0;
        for (int i = 0; i < t.length; i++) {
            double gap = Math.abs(r.fpr(t[i]) - (1 - r.tpr(t[i])));
            if (gap < best - 1e-12) {
                best = gap;
                first = i;
                last = i;
            } else if (Math.abs(gap - best) <= 1e-12 && i == last + 1) {
                last = i;
            }
        }
        return at(s, between(t, first, last));
    }

    /** The lowest threshold whose false-positive rate on the validation reals is at most {@code maxFpr}. */
    public static ThresholdCalibration atFalsePositiveRate(BinaryScores s, double maxFpr) {
        if (!(maxFpr >= 0 && maxFpr < 1)) {
            throw new IllegalArgumentException("target false-positive rate must be in [0, 1), got " + maxFpr);
        }
        Rates r = new Rates(s);
        double[] t = r.candidates();
        int i = 0;
        while (r.fpr(t[i]) > maxFpr) { // the last candidate is above every score: FPR 0
            i++;
        }
        return at(s, between(t, i, i));
    }

    /** The rates at {@code threshold}. */
    public static ThresholdCalibration at(BinaryScores s, double threshold) {
        Rates r = new Rates(s);
        return new ThresholdCalibration(threshold, r.fpr(threshold), r.tpr(threshold), s.realCount(), s.fakeCount());
    }

    /** {@code FPR 0.063, TPR 0.958 on 32 real vs 96 fake}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "FPR %.3f, TPR %.3f on %d real vs %d forged faces",
                falsePositiveRate,
                truePositiveRate,
                reals,
                fakes);
    }

    /** Halfway between the score below candidate {@code first} (0 below the lowest) and candidate {@code last}. */
    private static double between(double[] t, int first, int last) {
        double below = first == 0 ? Math.min(0, t[0]) : t[first - 1];
        return Math.min(1, (below + t[last]) / 2);
    }

    /** Sorted scores per class: rates at any threshold by binary search. */
    private static final class Rates {
        private final double[] reals;
        private final double[] fakes;
        private final double[] all;

        Rates(BinaryScores s) {
            s.requireBothClasses("threshold calibration");
            double[] r = new double[s.realCount()];
            double[] f = new double[s.fakeCount()];
            for (int i = 0, ri = 0, fi = 0; i < s.size(); i++) {
                if (s.label(i) == 1) {
                    f[fi++] = s.score(i);
                } else {
                    r[ri++] = s.score(i);
                }
            }
            Arrays.sort(r);
            Arrays.sort(f);
            reals = r;
            fakes = f;
            all = Arrays.stream(s.scores()).distinct().sorted().toArray();
        }

        /** The distinct scores ascending, then a threshold above them all. */
        double[] candidates() {
            double top = all[all.length - 1];
            double[] t = Arrays.copyOf(all, all.length + 1);
            t[all.length] = top < 1 ? 1 : Math.nextUp(top);
            return t;
        }

        double fpr(double threshold) {
            return atOrAbove(reals, threshold) / (double) reals.length;
        }

        double tpr(double threshold) {
            return atOrAbove(fakes, threshold) / (double) fakes.length;
        }

        private static int atOrAbove(double[] sorted, double threshold) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) { // first index with sorted[i] >= threshold
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < threshold) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return sorted.length - lo;
        }
    }
}
