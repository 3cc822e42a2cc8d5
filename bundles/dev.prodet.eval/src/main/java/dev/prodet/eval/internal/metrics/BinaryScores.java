package dev.prodet.eval.internal.metrics;

/**
 * Scores with binary labels (1 = fake, the positive class, as DeepfakeBench), the input of every metric. Arrays are
 * copied; scores must be finite.
 */
public final class BinaryScores {
    private final double[] scores;
    private final int[] labels;
    private final int fake;

    /**
     * @param scores fakeness per item, finite
     * @param labels 0 (real) or 1 (fake) per item, same length
     */
    public BinaryScores(double[] scores, int[] labels) {
        if (scores == null || labels == null || scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels must have the same length, got "
                    + (scores == null ? "null" : scores.length) + " and " + (labels == null ? "null" : labels.length));
        }
        int f = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is not finite: " + scores[i]);
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + i + " must be 0 (real) or 1 (fake), got " + labels[i]);
            }
            f += labels[i];
        }
        this.scores = scores.clone();
        this.labels = labels.clone();
        this.fake = f;
    }

    /** Number of items. */
    public int size() {
        return scores.length;
    }

    /** Score of item {@code i}. */
    public double score(int i) {
        return scores[i];
    }

    /** Label of item {@code i}, 0 or 1. */
    public int label(int i) {
        return labels[i];
    }

    /** Number of fake (positive) items. */
    public int fakeCount() {
        return fake;
    }

    /** Number of real (negative) items. */
    public int realCount() {
        return scores.length - fake;
    }

    /** A copy of the scores. */
    public double[] scores() {
        return scores.clone();
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * Fails unless both classes are present.
     *
     * @param what the metric and data, e.g. {@code "frame-level AUC of CDF-v2"}, for the message
     * @throws MissingClassException naming the absent class
     */
    public void requireBothClasses(String what) {
        if (fake == 0 || fake == scores.length) {
            String missing = fake == 0 ? "fake" : "real";
            throw new MissingClassException(what + " needs real and fake samples, but all " + scores.length
                    + " are " + (fake == 0 ? "real" : "fake") + " (no " + missing + " sample); add " + missing
                    + " samples to the evaluated split");
        }
    }
}
