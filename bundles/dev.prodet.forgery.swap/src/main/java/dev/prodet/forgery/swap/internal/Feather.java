package dev.prodet.forgery.swap.internal;

/**
 * Feathered blend weights inside a convex polygon: 0 on and outside the boundary, rising linearly with the distance
 * to the boundary to 1 at {@code width} pixels inside (the weighting of FaceSwap's {@code blendImages}).
 */
final class Feather {

    private Feather() {}

    /**
     * @param poly convex polygon, interleaved integer vertices in either orientation
     * @param width distance over which the weight rises from 0 to 1, &gt; 0
     */
    static float[] weights(int[] poly, int w, int h, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("feather width must be > 0, got: " + width);
        }
        int n = poly.length / 2;
        float[] out = new float[w * h];
        if (n < 3) {
            return out;
        }
        double area = 0;
        int xa = Integer.MAX_VALUE;
        int xb = Integer.MIN_VALUE;
        int ya = Integer.MAX_VALUE;
        int yb = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            area += (double) poly[2 * i] * poly[2 * j + 1] - (double) poly[2 * j] * poly[2 * i + 1];
            xa = Math.min(xa, poly[2 * i]);
            xb = Math.max(xb, poly[2 * i]);
            ya = Math.min(ya, poly[2 * i + 1]);
            yb = Math.max(yb, poly[2 * i + 1]);
        }
        double sign = Math.signum(area);
        // per edge: unit inward normal (nx, ny) and offset, distance = nx * x + ny * y + c
        double[] nx = new double[n];
        double[] ny = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ex = poly[2 * j] - poly[2 * i];
            double ey = poly[2 * j + 1] - poly[2 * i + 1];
            double len = Math.hypot(ex, ey);
            if (len == 0) {
                continue;
            }
            nx[i] = -ey / len * sign;
            ny[i] = ex / len * sign;
            c[i] = -(nx[i] * poly[2 * i] + ny[i] * poly[2 * i + 1]);
        }
        for (int y = Math.max(ya, 0); y <= Math.min(yb, h - 1); y++) {
            for (int x = Math.max(xa, 0); x <= Math.min(xb, w - 1); x++) {
                double d = Double.MAX_VALUE;
                for (int i = 0; i < n && d > 0; i++) {
                    if (nx[i] != 0 || ny[i] != 0) {
                        d = Math.min(d, nx[i] * x + ny[i] * y + c[i]);
                    }
                }
                if (d > 0) {
                    out[y * w + x] = (float) Math.min(1.0, d / width);
                }
            }
        }
        return out;
    }
}
