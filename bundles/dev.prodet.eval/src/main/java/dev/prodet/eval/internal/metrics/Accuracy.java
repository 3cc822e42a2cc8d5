package dev.prodet.eval.internal.metrics;

/**
 * Accuracy at a fixed threshold: an item is predicted fake when its score is at or above the threshold (the model
 * package's rule, see {@code model.json} {@code threshold}).
 *
 * @param overall fraction of items predicted correctly
 * @param real fraction of real items predicted real (NaN without real items)
 * @param fake fraction of fake items predicted fake (NaN without fake items)
 * @param threshold the threshold used
 */
public record Accuracy(double overall, double real, double fake, double threshold) {

    /** Accuracies of {@code s} at {@code threshold}. */
    public static Accuracy at(BinaryScores s, double threshold) {
        if (s.size() == 0) {
            throw new IllegalArgumentException("accuracy of no samples");
        }
        int okReal = 0;
        int okFake = 0;
        for (int i = 0; i < s.size(); i++) {
            boolean predictedFake = s.score(i) >= threshold;
            if (s.label(i) == 1 && predictedFake) {
                okFake++;
            } else if (s.label(i) == 0 && !predictedFake) {
                okReal++;
            }
        }
        return new Accuracy(
                (double) (okReal + okFake) / s.size(),
                ratio(okReal, s.realCount()),
                ratio(okFake, s.fakeCount()),
                threshold);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
