package dev.prodet.face.internal.cv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    private static final float[] SRC = {10, 20, 50, 22, 30, 45, 15, 70, 48, 68};

    @Test
    void fitRecoversAnExactSimilarity() {
        Similarity truth = Similarity.about(30, 40, Math.toRadians(23), 1.7).after(new Similarity(1, 0, 5, -8));
        double[] src = toDouble(SRC);
        double[] dst = toDouble(truth.apply(SRC));
        Similarity fit = Similarity.fit(src, dst);
        assertEquals(truth.a(), fit.a(), 1e-6);
        assertEquals(truth.b(), fit.b(), 1e-6);
        assertEquals(truth.tx(), fit.tx(), 1e-4);
        assertEquals(truth.ty(), fit.ty(), 1e-4);
        // weights do not matter when the fit is exact
        Similarity weighted = Similarity.fit(src, dst, new double[] {4, 4, 4, 1, 1});
        assertEquals(truth.scale(), weighted.scale(), 1e-6);
        assertEquals(truth.angle(), weighted.angle(), 1e-6);
    }

    @Test
    void fitMinimisesTheSquaredErrorOfNoisyPoints() {
        double[] src = toDouble(SRC);
        double[] dst = toDouble(Similarity.about(0, 0, 0.3, 2).apply(SRC));
        dst[3] += 4; // one point off by 4 px
        Similarity fit = Similarity.fit(src, dst);
        double best = error(fit, src, dst, null);
        for (double da : new double[] {-1e-3, 1e-3}) { // nudging any parameter makes it worse
            assertTrueLess(best, error(new Similarity(fit.a() + da, fit.b(), fit.tx(), fit.ty()), src, dst, null));
            assertTrueLess(best, error(new Similarity(fit.a(), fit.b() + da, fit.tx(), fit.ty()), src, dst, null));
            assertTrueLess(best, error(new Similarity(fit.a(), fit.b(), fit.tx() + da, fit.ty()), src, dst, null));
        }
        double[] w = {1, 8, 1, 1, 1};
        Similarity weighted = Similarity.fit(src, dst, w);
        double wBest = error(weighted, src, dst, w);
        assertTrueLess(wBest, error(fit, src, dst, w));
    }

    @Test
    void inverseAndCompositionAreConsistent() {
        Similarity s = Similarity.about(100, 50, -0.7, 0.6);
        float[] p = {3, 4, 120, -7};
        assertArrayEquals(p, s.inverse().apply(s.apply(p)), 1e-3f);
        Similarity t = new Similarity(1.1, 0.2, 3, 4);
        assertArrayEquals(t.apply(s.apply(p)), t.after(s).apply(p), 1e-3f);
    }

    @Test
    void coincidentPointsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Similarity.fit(new double[] {1, 1, 1, 1}, new double[] {0, 0, 5, 5}));
    }

    private static void assertTrueLess(double a, double b) {
        if (!(a < b)) {
            throw new AssertionError("expected " + a + " < " + b);
        }
    }

    private static double error(Similarity s, double[] src, double[] dst, double[] w) {
        double e = 0;
        for (int i = 0; i < src.length / 2; i++) {
            double x = s.a() * src[2 * i] - s.b() * src[2 * i + 1] + s.tx() - dst[2 * i];
            double y = s.b() * src[2 * i] + s.a() * src[2 * i + 1] + s.ty() - dst[2 * i + 1];
            e += (w == null ? 1 : w[i]) * (x * x + y * y);
        }
        return e;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
