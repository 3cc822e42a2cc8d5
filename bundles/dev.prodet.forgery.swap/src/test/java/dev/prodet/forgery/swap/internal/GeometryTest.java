package dev.prodet.forgery.swap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.Landmarks;
import dev.prodet.forgery.blend.ImageOps;
import dev.prodet.forgery.blend.testing.FaceGeometry;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Delaunay triangulation, piecewise-affine warp and feathering. */
class GeometryTest {

    @Test
    void triangulationOfRandomPointsIsDelaunayAndComplete() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int round = 0; round < 20; round++) {
            int n = 5 + rng.nextInt(60);
            double[] xy = new double[2 * n];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = rng.nextDouble(0, 200);
            }
            int[] tri = Delaunay.triangulate(xy);
            for (int t = 0; t < tri.length; t += 3) {
                double[] c = circle(xy, tri[t], tri[t + 1], tri[t + 2]);
                for (int p = 0; p < n; p++) {
                    double d = Math.hypot(xy[2 * p] - c[0], xy[2 * p + 1] - c[1]);
                    assertTrue(d >= c[2] - 1e-6, "point " + p + " inside the circumcircle of triangle " + t / 3);
                }
            }
            // Euler: a triangulation of n points in general position with h on the hull has 2n - 2 - h triangles
            int h = hullSize(xy);
            assertEquals(2 * n - 2 - h, tri.length / 3, "round " + round + " with " + n + " points");
            assertEquals(hullArea(xy), area(xy, tri), 1e-6 * hullArea(xy));
        }
    }

    @Test
    void landmarksWithClosedLipsAreTriangulatedOverTheWholeHull() {
        Landmarks l = new FaceGeometry(128, 136, 70, 88, 0.38, 0.0).landmarks(); // inner lips coincide
        double[] xy = new double[136];
        for (int i = 0; i < 68; i++) {
            xy[2 * i] = l.x(i);
            xy[2 * i + 1] = l.y(i);
        }
        int[] tri = Delaunay.triangulate(xy);
        assertEquals(hullArea(xy), area(xy, tri), 1e-6 * hullArea(xy));
    }

    @Test
    void piecewiseAffineWarpReproducesAGlobalAffineMap() {
        byte[] src = SyntheticFaces.face("v1", "p", 0).face().rgb();
        Landmarks l = SyntheticFaces.face("v1", "p", 0).face().landmarks();
        double[] dst = new double[136];
        double[] srcXY = new double[136];
        // donor landmarks = A(target landmarks) with A(x, y) = (0.9x + 0.1y + 12, -0.05x + 1.1y - 8)
        for (int i = 0; i < 68; i++) {
            dst[2 * i] = l.x(i);
            dst[2 * i + 1] = l.y(i);
            srcXY[2 * i] = 0.9 * l.x(i) + 0.1 * l.y(i) + 12;
            srcXY[2 * i + 1] = -0.05 * l.x(i) + 1.1 * l.y(i) - 8;
        }
        byte[] fill = new byte[src.length];
        PiecewiseAffineWarp.Result r =
                PiecewiseAffineWarp.warp(src, 256, 256, srcXY, dst, Delaunay.triangulate(dst), fill);
        int covered = 0;
        int worst = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int p = y * 256 + x;
                if (r.coverage()[p] == 0f) {
                    assertEquals(0, r.rgb()[3 * p], "uncovered pixels keep the fill");
                    continue;
                }
                covered++;
                double sx = 0.9 * x + 0.1 * y + 12;
                double sy = -0.05 * x + 1.1 * y - 8;
                int x0 = (int) sx;
                int y0 = (int) sy;
                double fx = sx - x0;
                double fy = sy - y0;
                double v = (1 - fy) * ((1 - fx) * at(src, x0, y0) + fx * at(src, x0 + 1, y0))
                        + fy * ((1 - fx) * at(src, x0, y0 + 1) + fx * at(src, x0 + 1, y0 + 1));
                worst = Math.max(worst, (int) Math.abs(Math.round(v) - (r.rgb()[3 * p] & 0xff)));
            }
        }
        assertTrue(worst <= 1, "piecewise warp differs from the global affine by " + worst);
        int[] ixy = new int[136];
        for (int i = 0; i < 136; i++) {
            ixy[i] = (int) Math.round(dst[i]);
        }
        float[] hull = new float[256 * 256];
        ImageOps.fillConvexHull(hull, 256, 256, ixy, 1f);
        int hullArea = 0;
        for (float v : hull) {
            hullArea += (int) v;
        }
        assertEquals(hullArea, covered, 0.03 * hullArea, "the triangles cover the landmark hull");
    }

    @Test
    void featherRisesLinearlyFromTheBoundary() {
        int[] square = {10, 10, 90, 10, 90, 90, 10, 90};
        float[] f = Feather.weights(square, 100, 100, 20);
        assertEquals(0f, f[5 * 100 + 50]); // outside
        assertEquals(0f, f[10 * 100 + 50]); // on the edge
        assertEquals(0.5f, f[20 * 100 + 50], 1e-6f); // 10 px in
        assertEquals(1f, f[50 * 100 + 50]); // deep inside
        assertEquals(0.25f, f[15 * 100 + 15], 1e-6f); // nearest edge 5 px away
        int[] reversed = {10, 90, 90, 90, 90, 10, 10, 10};
        assertEquals(0.5f, Feather.weights(reversed, 100, 100, 20)[20 * 100 + 50], 1e-6f);
    }

    private static double at(byte[] rgb, int x, int y) {
        x = Math.max(0, Math.min(255, x));
        y = Math.max(0, Math.min(255, y));
        return rgb[(y * 256 + x) * 3] & 0xff;
    }

    private static double[] circle(double[] xy, int a, int b, int c) {
        double ax = xy[2 * a];
        double ay = xy[2 * a + 1];
        double bx = xy[2 * b];
        double by = xy[2 * b + 1];
        double cx = xy[2 * c];
        double cy = xy[2 * c + 1];
        double d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
        double ux =
                ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by))
                        / d;
        double uy =
                ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax))
                        / d;
        return new double[] {ux, uy, Math.hypot(ax - ux, ay - uy)};
    }

    private static double area(double[] xy, int[] tri) {
        double s = 0;
        for (int t = 0; t < tri.length; t += 3) {
            int a = tri[t];
            int b = tri[t + 1];
            int c = tri[t + 2];
            s += Math.abs((xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1])
                            - (xy[2 * b + 1] - xy[2 * a + 1]) * (xy[2 * c] - xy[2 * a]))
                    / 2;
        }
        return s;
    }

    // convex hull of double points (monotone chain): size and area
    private static double[] hull(double[] xy) {
        int n = xy.length / 2;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(
                idx,
                (p, q) -> xy[2 * p] != xy[2 * q]
                        ? Double.compare(xy[2 * p], xy[2 * q])
                        : Double.compare(xy[2 * p + 1], xy[2 * q + 1]));
        int[] h = new int[2 * n];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            int start = k;
            for (int j = 0; j < n; j++) {
                int i = pass == 0 ? idx[j] : idx[n - 1 - j];
                while (k >= start + 2 && cross(xy, h[k - 2], h[k - 1], i) <= 0) {
                    k--;
                }
                h[k++] = i;
            }
            k--;
        }
        double area = 0;
        for (int i = 0; i < k; i++) {
            int a = h[i];
            int b = h[(i + 1) % k];
            area += xy[2 * a] * xy[2 * b + 1] - xy[2 * b] * xy[2 * a + 1];
        }
        return new double[] {k, Math.abs(area) / 2};
    }

    private static double cross(double[] xy, int o, int a, int b) {
        return (xy[2 * a] - xy[2 * o]) * (xy[2 * b + 1] - xy[2 * o + 1])
                - (xy[2 * a + 1] - xy[2 * o + 1]) * (xy[2 * b] - xy[2 * o]);
    }

    private static int hullSize(double[] xy) {
        return (int) hull(xy)[0];
    }

    private static double hullArea(double[] xy) {
        return hull(xy)[1];
    }
}
