package dev.prodet.eval.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {
    static final double EPS = 1e-12;

    @Test
    void separableScoresGetTheMiddleOfTheGap() {
        BinaryScores s = new BinaryScores(new double[] {.1, .2, .3, .7, .8}, new int[] {0, 0, 0, 1, 1});
        ThresholdCalibration c = ThresholdCalibration.eer(s);
        assertEquals(0.5, c.threshold(), EPS);
        assertEquals(0, c.falsePositiveRate(), EPS);
        assertEquals(1, c.truePositiveRate(), EPS);
    }

    @Test
    void overlappingScoresGetTheEqualErrorRatePoint() {
        // at any threshold in (0.4, 0.6]: FPR = 1/3 (the real 0.6), FNR = 1/3 (the fake 0.4)
        BinaryScores s = new BinaryScores(new double[] {.1, .2, .6, .4, .7, .9}, new int[] {0, 0, 0, 1, 1, 1});
        ThresholdCalibration c = ThresholdCalibration.eer(s);
        assertEquals(0.5, c.threshold(), EPS);
        assertEquals(1 / 3.0, c.falsePositiveRate(), EPS);
        assertEquals(2 / 3.0, c.truePositiveRate(), EPS);
        assertEquals("FPR 0.333, TPR 0.667 on 3 real vs 3 forged faces", c.describe());
    }

    @Test
    void aTargetFalsePositiveRateTakesTheMostSensitiveThresholdWithinIt() {
        BinaryScores s = new BinaryScores(new double[] {.1, .2, .6, .4, .7, .9}, new int[] {0, 0, 0, 1, 1, 1});
        ThresholdCalibration none = ThresholdCalibration.atFalsePositiveRate(s, 0);
        assertEquals(0.65, none.threshold(), EPS);
        assertEquals(0, none.falsePositiveRate(), EPS);
        assertEquals(2 / 3.0, none.truePositiveRate(), EPS);
        ThresholdCalibration third = ThresholdCalibration.atFalsePositiveRate(s, 0.34);
        assertEquals(0.3, third.threshold(), EPS);
        assertEquals(1, third.truePositiveRate(), EPS);
        assertThrows(IllegalArgumentException.class, () -> ThresholdCalibration.atFalsePositiveRate(s, 1));
    }

    @Test
    void scoresAtOneStillGiveAThresholdInTheUnitInterval() {
        BinaryScores s = new BinaryScores(new double[] {1, 1, 1, 1}, new int[] {0, 0, 1, 1});
        ThresholdCalibration c = ThresholdCalibration.atFalsePositiveRate(s, 0);
        assertTrue(c.threshold() <= 1 && c.threshold() >= 0, "threshold " + c.threshold());
        assertThrows(
                MissingClassException.class,
                () -> ThresholdCalibration.eer(new BinaryScores(new double[] {.1}, new int[] {0})));
    }
}
