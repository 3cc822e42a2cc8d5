package dev.prodet.regularizer.opr.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** λ ~ Beta(α, α), α ~ U(0.5, 2) (docs/method.md §2.3), checked by its moments on many draws. */
class BetaSamplerTest {

    @Test
    void bridgingLambdasHaveTheMixtureMoments() {
        float[] l = BetaSampler.bridgingLambdas(200_000, new SplittableRandom(7));
        double mean = 0;
        for (float x : l) {
            assertTrue(x >= 0 && x <= 1, "λ in [0,1] (a draw near 1 rounds to 1f): " + x);
            mean += x;
        }
        mean /= l.length;
        double var = 0;
        for (float x : l) {
            var += (x - mean) * (x - mean);
        }
        var /= l.length;
        // Var Beta(a,a) = 1 / (4 (2a + 1)); averaged over a ~ U(0.5, 2): (1/4)·(1/1.5)·(1/2)·ln(5/2) ≈ 0.07636
        assertEquals(0.5, mean, 0.003);
        assertEquals(Math.log(2.5) / 12, var, 0.002);
    }

    @Test
    void fixedShapeMatchesBetaVariance() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 100_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double x = BetaSampler.beta(0.5, 0.5, r); // arcsine law: shape < 1 takes the boost path
            sum += x;
            sq += x * x;
        }
        double mean = sum / n;
        assertEquals(0.5, mean, 0.005);
        assertEquals(0.125, sq / n - mean * mean, 0.003);
    }

    @Test
    void sameSeedSameLambdas() {
        assertArrayEquals(
                BetaSampler.bridgingLambdas(16, new SplittableRandom(11)),
                BetaSampler.bridgingLambdas(16, new SplittableRandom(11)));
    }
}
