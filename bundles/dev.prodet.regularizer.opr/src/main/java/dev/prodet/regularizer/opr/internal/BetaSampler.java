package dev.prodet.regularizer.opr.internal;

import java.util.random.RandomGenerator;

/** Beta(α, α) draws from a given random source (Marsaglia–Tsang gamma variates), as ProDet's bridging needs. */
final class BetaSampler {
    private BetaSampler() {}

    /** λ ~ Beta(α, α) with α ~ U(0.5, 2), drawn independently per sample (docs/method.md §2.3). */
    static float[] bridgingLambdas(int n, RandomGenerator rng) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double alpha = 0.5 + 1.5 * rng.nextDouble();
            out[i] = (float) beta(alpha, alpha, rng);
        }
        return out;
    }

    static double beta(double a, double b, RandomGenerator rng) {
        double x = gamma(a, rng);
        double y = gamma(b, rng);
        return x / (x + y);
    }

    static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1) {
            // boost: Gamma(a) = Gamma(a + 1) · U^(1/a)
            return gamma(shape + 1, rng) * StrictMath.pow(1 - rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - rng.nextDouble();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
