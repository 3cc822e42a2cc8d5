package dev.prodet.eval.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed cases (the comments show the arithmetic); the first is scikit-learn's documented example. */
class MetricsTest {
    private static final double EPS = 1e-12;

    private static BinaryScores s(double[] scores, int... labels) {
        return new BinaryScores(scores, labels);
    }

    @Test
    void knownCurveFromTheScikitLearnDocs() {
        // y = [0, 0, 1, 1], s = [0.1, 0.4, 0.35, 0.8]: roc_auc_score 0.75, average_precision_score 0.8333
        BinaryScores b = s(new double[] {0.1, 0.4, 0.35, 0.8}, 0, 0, 1, 1);
        assertEquals(0.75, Auc.of(b, "t"), EPS); // pairs: 0.35>0.1, 0.35<0.4, 0.8>both: 3 of 4
        // thresholds 0.8: P=1 R=.5; 0.4: P=.5 R=.5; 0.35: P=2/3 R=1; 0.1: P=.5 R=1 → .5·1 + .5·2/3
        assertEquals(0.5 + 0.5 * 2 / 3.0, AveragePrecision.of(b, "t"), EPS);
        RocCurve roc = RocCurve.of(b, "t");
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.fpr(), EPS);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.tpr(), EPS);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1}, roc.thresholds(), EPS);
        // |FNR − FPR| = 1, .5, 0, .5, 1 → point 2 → FPR 0.5
        assertEquals(0.5, roc.eer(), EPS);
    }

    @Test
    void tiesCountHalf() {
        // three tied at 0.5 (two fake, one real), one real at 0.2: average ranks 3,3,3,1
        // U = (3 + 3) − 2·3/2 = 3 → AUC = 3 / (2·2) = 0.75
        BinaryScores b = s(new double[] {0.5, 0.5, 0.5, 0.2}, 1, 0, 1, 0);
        assertEquals(0.75, Auc.of(b, "t"), EPS);
        // one threshold at 0.5 takes all three: P = 2/3, R = 1 → AP = 2/3
        assertEquals(2 / 3.0, AveragePrecision.of(b, "t"), EPS);
        RocCurve roc = RocCurve.of(b, "t");
        assertArrayEquals(new double[] {0, 0.5, 1}, roc.fpr(), EPS);
        assertArrayEquals(new double[] {0, 1, 1}, roc.tpr(), EPS);
        assertEquals(0.5, roc.eer(), EPS); // gaps 1, .5, 1
    }

    @Test
    void allScoresTiedIsChance() {
        BinaryScores b = s(new double[] {0.3, 0.3, 0.3, 0.3, 0.3}, 1, 0, 0, 1, 0);
        assertEquals(0.5, Auc.of(b, "t"), EPS);
        assertEquals(0.4, AveragePrecision.of(b, "t"), EPS); // one point: precision = prevalence 2/5
    }

    @Test
    void perfectAndInvertedRankings() {
        BinaryScores perfect = s(new double[] {0.1, 0.2, 0.8, 0.9}, 0, 0, 1, 1);
        assertEquals(1.0, Auc.of(perfect, "t"), EPS);
        assertEquals(1.0, AveragePrecision.of(perfect, "t"), EPS);
        assertEquals(0.0, RocCurve.of(perfect, "t").eer(), EPS);

        BinaryScores inverted = s(new double[] {0.9, 0.8, 0.2, 0.1}, 0, 0, 1, 1);
        assertEquals(0.0, Auc.of(inverted, "t"), EPS);
        // P/R: 0.9 0/0, 0.8 0/0, 0.2 1/3 at R .5, 0.1 1/2 at R 1 → .5/3 + .5/2
        assertEquals(0.5 / 3 + 0.25, AveragePrecision.of(inverted, "t"), EPS);
        RocCurve roc = RocCurve.of(inverted, "t");
        // fps 1,2,2,2; tps 0,0,1,2 → the point at 0.2 is collinear and dropped
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.fpr(), EPS);
        assertArrayEquals(new double[] {0, 0, 0, 1}, roc.tpr(), EPS);
        assertEquals(1.0, roc.eer(), EPS); // gaps 1, .5, 0, 1
    }

    @Test
    void collinearPointsAreDroppedAsScikitLearnDoes() {
        // fps 0,0,1,2; tps 1,2,2,2: the point at 0.7 lies on the segment (0,1)–(1,1)
        RocCurve roc = RocCurve.of(s(new double[] {0.9, 0.8, 0.7, 0.6}, 1, 1, 0, 0), "t");
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.6}, roc.thresholds(), EPS);
        assertArrayEquals(new double[] {0, 0, 0, 1}, roc.fpr(), EPS);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.tpr(), EPS);
    }

    @Test
    void eerOnALongerCurve() {
        // 4 real at .1 .3 .5 .7, 4 fake at .4 .6 .8 .9; points (fpr, tpr) after each distinct score, high first:
        // .9(0,.25) .8(0,.5) .7(.25,.5) .6(.25,.75) .5(.5,.75) .4(.5,1) .3(.75,1) .1(1,1); .3 is dropped
        // |FNR−FPR|: (0,0)=1, .75, .5, .25, 0 at (.25,.75), .25, .5, ... → EER = 0.25
        BinaryScores b = s(new double[] {.1, .3, .5, .7, .4, .6, .8, .9}, 0, 0, 0, 0, 1, 1, 1, 1);
        assertEquals(0.25, RocCurve.of(b, "t").eer(), EPS);
        assertEquals(13 / 16.0, Auc.of(b, "t"), EPS); // fakes beat 2 + 3 + 4 + 4 reals = 13
        // AP: R .25 P 1; R .5 P 1; R .75 P 3/4; R 1 P 4/6 → .25 + .25 + .25·.75 + .25·2/3
        assertEquals(0.25 + 0.25 + 0.1875 + 0.25 * 2 / 3, AveragePrecision.of(b, "t"), EPS);
    }

    @Test
    void oneClassMissingIsAClearError() {
        BinaryScores onlyReal = s(new double[] {0.1, 0.7}, 0, 0);
        MissingClassException e = assertThrows(MissingClassException.class, () -> Auc.of(onlyReal, "AUC of X"));
        assertTrue(e.getMessage().contains("AUC of X") && e.getMessage().contains("no fake sample"), e.getMessage());
        BinaryScores onlyFake = s(new double[] {0.1, 0.7}, 1, 1);
        e = assertThrows(MissingClassException.class, () -> MetricSet.of(onlyFake, 0.5, "frames of Y"));
        assertTrue(e.getMessage().contains("no real sample"), e.getMessage());
        assertThrows(MissingClassException.class, () -> RocCurve.of(onlyFake, "t"));
        assertThrows(MissingClassException.class, () -> AveragePrecision.of(onlyFake, "t"));
    }

    @Test
    void invalidInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> s(new double[] {Double.NaN, 1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> s(new double[] {0.1, 1}, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> s(new double[] {0.1}, 0, 1));
    }

    @Test
    void accuracyAtTheThresholdCountsTheThresholdAsFake() {
        // fake .5 (≥ .5 → fake, right), fake .49 (wrong), real .7 (wrong), real .2 (right)
        Accuracy a = Accuracy.at(s(new double[] {0.5, 0.49, 0.7, 0.2}, 1, 1, 0, 0), 0.5);
        assertEquals(0.5, a.overall(), EPS);
        assertEquals(0.5, a.real(), EPS);
        assertEquals(0.5, a.fake(), EPS);
        Accuracy b = Accuracy.at(s(new double[] {0.9, 0.8, 0.1}, 1, 1, 0), 0.85);
        assertEquals(2 / 3.0, b.overall(), EPS);
        assertEquals(1.0, b.real(), EPS);
        assertEquals(0.5, b.fake(), EPS);
    }

    @Test
    void weightedAucEqualsAucOfTheRepeatedItems() {
        // weights 2,1,1,3 on (.2 real, .6 fake, .4 real, .3 fake) = items .2r .2r .6f .4r .3f .3f .3f
        // .6 beats 3 reals, each .3 beats the two .2 → (3 + 3·2) / (4·3) = 0.75
        Auc auc = new Auc(s(new double[] {0.2, 0.6, 0.4, 0.3}, 0, 1, 0, 1), "t");
        double expanded = Auc.of(s(new double[] {0.2, 0.2, 0.6, 0.4, 0.3, 0.3, 0.3}, 0, 0, 1, 0, 1, 1, 1), "t");
        assertEquals(0.75, expanded, EPS);
        assertEquals(0.75, auc.weighted(new double[] {2, 1, 1, 3}), EPS);
        assertTrue(Double.isNaN(auc.weighted(new double[] {1, 0, 1, 0})), "no fake left");
    }
}
