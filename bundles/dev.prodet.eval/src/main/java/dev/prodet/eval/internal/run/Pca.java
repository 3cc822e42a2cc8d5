package dev.prodet.eval.internal.run;

/**
 * Principal component analysis to two dimensions: the covariance matrix of the centred features and its two
 * leading eigenvectors by power iteration with deflation (deterministic start, so the same features give the same
 * picture). Each axis is oriented so that its largest loading is positive.
 */
final class Pca {
    private static final int ITERATIONS = 500;

    /** The projected points ({@code [0]} x, {@code [1]} y) and the explained variance ratios ({@code [2]}). */
    static double[][] project(float[][] rows) {
        int n = rows.length;
        if (n < 2) {
            throw new IllegalArgumentException("a 2-D map needs at least 2 feature vectors, got " + n);
        }
        int f = rows[0].length;
        double[] mean = new double[f];
        for (float[] r : rows) {
            for (int j = 0; j < f; j++) {
                mean[j] += r[j] / (double) n;
            }
        }
        double[][] cov = new double[f][f];
        double[] c = new double[f];
        for (float[] r : rows) {
            for (int j = 0; j < f; j++) {
                c[j] = r[j] - mean[j];
            }
            for (int a = 0; a < f; a++) {
                if (c[a] == 0) {
                    continue;
                }
                for (int b = a; b < f; b++) {
                    cov[a][b] += c[a] * c[b] / (n - 1);
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < f; a++) {
            trace += cov[a][a];
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        double[][] out = new double[3][];
        out[2] = new double[2];
        for (int k = 0; k < 2; k++) {
            double[] v = leading(cov);
            double lambda = rayleigh(cov, v);
            out[2][k] = trace > 0 ? Math.max(0, lambda) / trace : 0;
            double[] proj = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < f; j++) {
                    s += (rows[i][j] - mean[j]) * v[j];
                }
                proj[i] = s;
            }
            out[k] = proj;
            for (int a = 0; a < f; a++) { // deflate: remove this component
                for (int b = 0; b < f; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
        return out;
    }

    private static double[] leading(double[][] m) {
        int f = m.length;
        double[] v = new double[f];
        for (int j = 0; j < f; j++) {
            v[j] = 1.0 + j * 1e-3; // deterministic, not orthogonal to any realistic eigenvector
        }
        normalise(v);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] w = multiply(m, v);
            if (normalise(w) == 0) {
                return v; // no variance left along any direction
            }
            v = w;
        }
        int big = 0;
        for (int j = 1; j < f; j++) {
            if (Math.abs(v[j]) > Math.abs(v[big])) {
                big = j;
            }
        }
        if (v[big] < 0) {
            for (int j = 0; j < f; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] w = new double[v.length];
        for (int a = 0; a < m.length; a++) {
            double s = 0;
            for (int b = 0; b < v.length; b++) {
                s += m[a][b] * v[b];
            }
            w[a] = s;
        }
        return w;
    }

    private static double rayleigh(double[][] m, double[] v) {
        double[] w = multiply(m, v);
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            s += v[j] * w[j];
        }
        return s;
    }

    private static double normalise(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        s = Math.sqrt(s);
        if (s > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= s;
            }
        }
        return s;
    }
}
