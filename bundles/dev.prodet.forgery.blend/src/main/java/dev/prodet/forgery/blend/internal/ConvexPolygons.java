package dev.prodet.forgery.blend.internal;

import java.util.Arrays;

/**
 * Convex hulls of integer points ({@code cv2.convexHull}) and filling them into a float plane
 * ({@code cv2.fillConvexPoly} with 8-connected edges): every row is filled between the leftmost and rightmost pixel
 * that the polygon's rounded scanline span or its rasterised edges reach.
 */
public final class ConvexPolygons {

    private ConvexPolygons() {}

    /**
     * Convex hull by Andrew's monotone chain.
     *
     * @param xy interleaved integer points {@code [x0, y0, x1, y1, ...]}, at least one point
     * @return hull vertices, interleaved, counter-clockwise in image coordinates, collinear points dropped; a single
     *     point or a segment for degenerate input
     */
    public static int[] hull(int[] xy) {
        if (xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("hull needs at least one (x, y) pair, got " + xy.length + " values");
        }
        int n = xy.length / 2;
        long[] pts = new long[n];
        for (int i = 0; i < n; i++) {
            // sort key: x major, y minor; flipping y's sign bit makes its unsigned order the signed one
            pts[i] = ((long) xy[2 * i] << 32) | ((xy[2 * i + 1] ^ Integer.MIN_VALUE) & 0xffffffffL);
        }
        Arrays.sort(pts);
        int[] px = new int[n];
        int[] py = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && pts[i] == pts[i - 1]) {
                continue;
            }
            px[m] = (int) (pts[i] >> 32);
            py[m] = (int) pts[i] ^ Integer.MIN_VALUE;
            m++;
        }
        if (m == 1) {
            return new int[] {px[0], py[0]};
        }
        int[] hx = new int[2 * m];
        int[] hy = new int[2 * m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            while (k >= 2 && cross(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], px[i], py[i]) <= 0) {
                k--;
            }
            hx[k] = px[i];
            hy[k] = py[i];
            k++;
        }
        for (int i = m - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], px[i], py[i]) <= 0) {
                k--;
            }
            hx[k] = px[i];
            hy[k] = py[i];
            k++;
        }
        int count = Math.max(k - 1, 1); // last point repeats the first
        if (count == 2 && hx[0] == hx[1] && hy[0] == hy[1]) {
            count = 1;
        }
        int[] out = new int[2 * count];
        for (int i = 0; i < count; i++) {
            out[2 * i] = hx[i];
            out[2 * i + 1] = hy[i];
        }
        return out;
    }

    private static long cross(long ox, long oy, long ax, long ay, long bx, long by) {
        return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
    }

    /** Fills the convex polygon {@code poly} (interleaved, as returned by {@link #hull}) with {@code value}. */
    public static void fill(float[] plane, int w, int h, int[] poly, float value) {
        int n = poly.length / 2;
        int ymin = Integer.MAX_VALUE;
        int ymax = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            ymin = Math.min(ymin, poly[2 * i + 1]);
            ymax = Math.max(ymax, poly[2 * i + 1]);
        }
        int y0 = Math.max(ymin, 0);
        int y1 = Math.min(ymax, h - 1);
        if (y0 > y1) {
            return;
        }
        int rows = y1 - y0 + 1;
        int[] left = new int[rows];
        int[] right = new int[rows];
        Arrays.fill(left, Integer.MAX_VALUE);
        Arrays.fill(right, Integer.MIN_VALUE);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            edge(poly[2 * i], poly[2 * i + 1], poly[2 * j], poly[2 * j + 1], y0, w, left, right);
        }
        for (int r = 0; r < rows; r++) {
            int xa = Math.max(left[r], 0);
            int xb = Math.min(right[r], w - 1);
            if (xa <= xb) {
                Arrays.fill(plane, (y0 + r) * w + xa, (y0 + r) * w + xb + 1, value);
            }
        }
    }

    // Widens each row's [left, right] by the pixels of one edge: its exact crossing of the row (the scanline span)
    // and its 8-connected raster (x-major edges cover a run of pixels per row).
    private static void edge(int xa, int ya, int xb, int yb, int y0, int w, int[] left, int[] right) {
        int rows = left.length;
        double dx = (double) xb - xa;
        double dy = (double) yb - ya;
        if (dy == 0) {
            widen(ya - y0, Math.min(xa, xb), rows, left, right);
            widen(ya - y0, Math.max(xa, xb), rows, left, right);
            return;
        }
        int from = Math.max(Math.min(ya, yb), y0);
        int to = Math.min(Math.max(ya, yb), y0 + rows - 1);
        int xmin = Math.min(xa, xb);
        int xmax = Math.max(xa, xb);
        for (int y = from; y <= to; y++) {
            if (Math.abs(dx) <= Math.abs(dy)) {
                // y-major: one pixel per row, the rounded crossing
                int x = (int) Math.floor(xa + (y - ya) * dx / dy + 0.5);
                widen(y - y0, x, rows, left, right);
                continue;
            }
            // x-major: the run of x whose rounded edge height is this row, round(y(x)) == y
            double lo = xa + (y - 0.5 - ya) * dx / dy;
            double hi = xa + (y + 0.5 - ya) * dx / dy;
            int a;
            int b;
            if (dx / dy > 0) {
                a = (int) Math.ceil(lo);
                b = (int) Math.ceil(hi) - 1;
            } else {
                a = (int) Math.floor(hi) + 1;
                b = (int) Math.floor(lo);
            }
            a = Math.max(a, xmin);
            b = Math.min(b, xmax);
            if (a <= b) {
                // pixels beyond [-1, w] clip to the same span ends
                widen(y - y0, Math.min(Math.max(a, -1), w), rows, left, right);
                widen(y - y0, Math.min(Math.max(b, -1), w), rows, left, right);
            }
        }
    }

    private static void widen(int r, int x, int rows, int[] left, int[] right) {
        if (r >= 0 && r < rows) {
            left[r] = Math.min(left[r], x);
            right[r] = Math.max(right[r], x);
        }
    }
}
