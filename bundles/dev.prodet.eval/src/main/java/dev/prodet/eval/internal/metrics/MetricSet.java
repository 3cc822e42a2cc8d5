package dev.prodet.eval.internal.metrics;

/**
 * The metrics of one set of scores (frames or videos of one dataset).
 *
 * @param count items scored
 * @param real real items
 * @param fake fake items
 * @param auc ROC AUC
 * @param aucCi bootstrap 95% interval of the AUC, or {@code null} when not computed
 * @param eer equal error rate
 * @param ap average precision, fake positive
 * @param accuracy accuracy overall and per class at the threshold
 */
public record MetricSet(
        int count, int real, int fake, double auc, Interval aucCi, double eer, double ap, Accuracy accuracy) {

    /** Computes every metric but the interval; {@code what} names the data in error messages. */
    public static MetricSet of(BinaryScores s, double threshold, String what) {
        s.requireBothClasses(what);
        return new MetricSet(
                s.size(),
                s.realCount(),
                s.fakeCount(),
                Auc.of(s, what),
                null,
                RocCurve.of(s, what).eer(),
                AveragePrecision.of(s, what),
                Accuracy.at(s, threshold));
    }

    /** This set with a bootstrap interval for the AUC. */
    public MetricSet withAucCi(Interval ci) {
        return new MetricSet(count, real, fake, auc, ci, eer, ap, accuracy);
    }
}
