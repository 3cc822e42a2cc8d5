package dev.prodet.eval.internal.perturb;

import dev.prodet.api.face.RgbImage;
import java.util.SplittableRandom;

/** Pixel-wise perturbations on 8-bit RGB crops. */
final class Pixels {
    private Pixels() {}

    /** Blacks out {@code count} distinct random cells of a {@code grid}×{@code grid} partition of the image. */
    static RgbImage maskBlocks(RgbImage img, int grid, int count, SplittableRandom rng) {
        int w = img.width();
        int h = img.height();
        byte[] px = img.rgb();
        int[] cells = new int[grid * grid];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i;
        }
        for (int i = 0; i < count; i++) { // partial Fisher–Yates: the first count cells are a random subset
            int j = i + rng.nextInt(cells.length - i);
            int t = cells[i];
            cells[i] = cells[j];
            cells[j] = t;
            int cx = cells[i] % grid;
            int cy = cells[i] / grid;
            int x0 = cx * w / grid;
            int x1 = (cx + 1) * w / grid;
            int y0 = cy * h / grid;
            int y1 = (cy + 1) * h / grid;
            for (int y = y0; y < y1; y++) {
                java.util.Arrays.fill(px, (y * w + x0) * 3, (y * w + x1) * 3, (byte) 0);
            }
        }
        return new RgbImage(w, h, px);
    }

    /** Adds N(0, σ²) to every channel value, rounded and clipped to 0–255. */
    static RgbImage addNoise(RgbImage img, double sigma, SplittableRandom rng) {
        byte[] px = img.rgb();
        for (int i = 0; i < px.length; i++) {
            double v = (px[i] & 0xff) + sigma * gaussian(rng);
            px[i] = (byte) clip(Math.round(v));
        }
        return new RgbImage(img.width(), img.height(), px);
    }

    /** Moves the content by (dx, dy) pixels; what is uncovered is black. */
    static RgbImage shift(RgbImage img, int dx, int dy) {
        int w = img.width();
        int h = img.height();
        byte[] src = img.rgb();
        byte[] dst = new byte[src.length];
        for (int y = 0; y < h; y++) {
            int sy = y - dy;
            if (sy < 0 || sy >= h) {
                continue;
            }
            int x0 = Math.max(0, dx);
            int x1 = Math.min(w, w + dx);
            if (x1 > x0) {
                System.arraycopy(src, (sy * w + x0 - dx) * 3, dst, (y * w + x0) * 3, (x1 - x0) * 3);
            }
        }
        return new RgbImage(w, h, dst);
    }

    /** Standard normal draw (Box–Muller), from the given generator only, so results depend on the seed alone. */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble(); // (0, 1]
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static int clip(long v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
