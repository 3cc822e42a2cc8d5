package dev.prodet.forgery.swap.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delaunay triangulation by Bowyer–Watson: insert points one by one into a large super-triangle, remove every
 * triangle whose circumcircle contains the new point and fan the cavity's boundary to it. O(n²), fine for 68
 * landmarks. Coinciding points (closed lips) are merged: triangles refer to the first of equal points.
 */
final class Delaunay {

    // Super-triangle size relative to the points' extent. A small one leaves some hull triangles out (its
    // vertices fall inside their circumcircles); far enough away it behaves like points at infinity.
    private static final double SUPER = 1e4;

    private Delaunay() {}

    /**
     * Triangulates points.
     *
     * @param xy interleaved coordinates {@code [x0, y0, x1, y1, ...]}
     * @return triangles as index triples into the points, {@code 3 * t} values, all of one orientation in image
     *     coordinates (positive signed area (b - a) x (c - a))
     */
    static int[] triangulate(double[] xy) {
        int n = xy.length / 2;
        Map<Long, Integer> seen = new HashMap<>();
        List<Integer> unique = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long key = Double.doubleToLongBits(xy[2 * i]) * 31 + Double.doubleToLongBits(xy[2 * i + 1]);
            boolean dup = false;
            Integer j = seen.get(key);
            if (j != null && xy[2 * j] == xy[2 * i] && xy[2 * j + 1] == xy[2 * i + 1]) {
                dup = true;
            }
            if (!dup) {
                seen.put(key, i);
                unique.add(i);
            }
        }
        int m = unique.size();
        double[] px = new double[m + 3];
        double[] py = new double[m + 3];
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int k = 0; k < m; k++) {
            px[k] = xy[2 * unique.get(k)];
            py[k] = xy[2 * unique.get(k) + 1];
            minX = Math.min(minX, px[k]);
            maxX = Math.max(maxX, px[k]);
            minY = Math.min(minY, py[k]);
            maxY = Math.max(maxY, py[k]);
        }
        double d = Math.max(Math.max(maxX - minX, maxY - minY), 1);
        double mx = (minX + maxX) / 2;
        double my = (minY + maxY) / 2;
        px[m] = mx - SUPER * d;
        py[m] = my - SUPER * d;
        px[m + 1] = mx;
        py[m + 1] = my + SUPER * d;
        px[m + 2] = mx + SUPER * d;
        py[m + 2] = my - SUPER * d;
        List<Tri> tris = new ArrayList<>();
        tris.add(Tri.of(m, m + 1, m + 2, px, py));
        for (int p = 0; p < m; p++) {
            List<int[]> edges = new ArrayList<>();
            List<Tri> keep = new ArrayList<>(tris.size());
            for (Tri t : tris) {
                if (t.circumcircleContains(px[p], py[p])) {
                    edges.add(new int[] {t.a, t.b});
                    edges.add(new int[] {t.b, t.c});
                    edges.add(new int[] {t.c, t.a});
                } else {
                    keep.add(t);
                }
            }
            for (int i = 0; i < edges.size(); i++) {
                int[] e = edges.get(i);
                boolean shared = false;
                for (int j = 0; j < edges.size() && !shared; j++) {
                    int[] f = edges.get(j);
                    shared = j != i && ((e[0] == f[0] && e[1] == f[1]) || (e[0] == f[1] && e[1] == f[0]));
                }
                if (!shared) {
                    keep.add(Tri.of(e[0], e[1], p, px, py));
                }
            }
            tris = keep;
        }
        List<Integer> out = new ArrayList<>();
        for (Tri t : tris) {
            if (t.a >= m || t.b >= m || t.c >= m) {
                continue;
            }
            out.add(unique.get(t.a));
            out.add(unique.get(t.b));
            out.add(unique.get(t.c));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A triangle with positive signed area (b - a) x (c - a), and its circumcircle. */
    private record Tri(int a, int b, int c, double cx, double cy, double r2) {
        static Tri of(int a, int b, int c, double[] px, double[] py) {
            double area = (px[b] - px[a]) * (py[c] - py[a]) - (py[b] - py[a]) * (px[c] - px[a]);
            if (area < 0) { // keep one orientation
                int t = b;
                b = c;
                c = t;
            }
            double ax = px[a];
            double ay = py[a];
            double bx = px[b];
            double by = py[b];
            double qx = px[c];
            double qy = py[c];
            double den = 2 * (ax * (by - qy) + bx * (qy - ay) + qx * (ay - by));
            if (Math.abs(den) < 1e-12) { // collinear: an infinite circle, removed by the next insertion near it
                return new Tri(a, b, c, 0, 0, Double.POSITIVE_INFINITY);
            }
            double a2 = ax * ax + ay * ay;
            double b2 = bx * bx + by * by;
            double c2 = qx * qx + qy * qy;
            double ux = (a2 * (by - qy) + b2 * (qy - ay) + c2 * (ay - by)) / den;
            double uy = (a2 * (qx - bx) + b2 * (ax - qx) + c2 * (bx - ax)) / den;
            return new Tri(a, b, c, ux, uy, (ax - ux) * (ax - ux) + (ay - uy) * (ay - uy));
        }

        boolean circumcircleContains(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            return dx * dx + dy * dy < r2 * (1 - 1e-12);
        }
    }
}
