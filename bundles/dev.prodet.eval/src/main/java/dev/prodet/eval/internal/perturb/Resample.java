package dev.prodet.eval.internal.perturb;

import dev.prodet.api.face.RgbImage;

/** Resizing and blurring of 8-bit RGB images, separable, in double precision, rounded once at the end. */
final class Resample {
    private Resample() {}

    /** Area-average resize (each output pixel is the mean of the source area it covers, as OpenCV INTER_AREA). */
    static RgbImage area(RgbImage img, int outW, int outH) {
        double[] rows = areaAxis(toDouble(img), img.width(), img.height(), outW, true);
        double[] both = areaAxis(rows, outW, img.height(), outH, false);
        return toImage(both, outW, outH);
    }

    /** Bilinear resize with pixel centres aligned (OpenCV INTER_LINEAR, the same rule as InputTensors). */
    static RgbImage bilinear(RgbImage img, int outW, int outH) {
        int w = img.width();
        int h = img.height();
        double[] src = toDouble(img);
        double[] dst = new double[outW * outH * 3];
        for (int y = 0; y < outH; y++) {
            double fy = Math.max(0, (y + 0.5) * h / outH - 0.5);
            int y0 = Math.min((int) fy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            double wy = fy - y0;
            for (int x = 0; x < outW; x++) {
                double fx = Math.max(0, (x + 0.5) * w / outW - 0.5);
                int x0 = Math.min((int) fx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                double wx = fx - x0;
                for (int c = 0; c < 3; c++) {
                    double top = src[(y0 * w + x0) * 3 + c] * (1 - wx) + src[(y0 * w + x1) * 3 + c] * wx;
                    double bottom = src[(y1 * w + x0) * 3 + c] * (1 - wx) + src[(y1 * w + x1) * 3 + c] * wx;
                    dst[(y * outW + x) * 3 + c] = top * (1 - wy) + bottom * wy;
                }
            }
        }
        return toImage(dst, outW, outH);
    }

    /** Gaussian blur with standard deviation {@code sigma} pixels, radius ⌈3σ⌉, borders replicated. */
    static RgbImage gaussianBlur(RgbImage img, double sigma) {
        if (sigma <= 0) {
            return img;
        }
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int w = img.width();
        int h = img.height();
        double[] a = toDouble(img);
        double[] b = new double[a.length];
        convolve(a, b, w, h, k, true);
        convolve(b, a, w, h, k, false);
        return toImage(a, w, h);
    }

    private static void convolve(double[] src, double[] dst, int w, int h, double[] k, boolean horizontal) {
        int r = k.length / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) {
                        int sx = horizontal ? Math.min(w - 1, Math.max(0, x + i)) : x;
                        int sy = horizontal ? y : Math.min(h - 1, Math.max(0, y + i));
                        s += k[i + r] * src[(sy * w + sx) * 3 + c];
                    }
                    dst[(y * w + x) * 3 + c] = s;
                }
            }
        }
    }

    /** Resizes one axis by area averaging: each output cell integrates its [o·s, (o+1)·s) span of the input. */
    private static double[] areaAxis(double[] src, int w, int h, int out, boolean horizontal) {
        int in = horizontal ? w : h;
        int ow = horizontal ? out : w;
        int oh = horizontal ? h : out;
        double[] dst = new double[ow * oh * 3];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double start = o * scale;
            double end = (o + 1) * scale;
            for (int i = (int) Math.floor(start); i < Math.min(in, (int) Math.ceil(end)); i++) {
                double weight = (Math.min(end, i + 1) - Math.max(start, i)) / scale;
                int lines = horizontal ? h : w;
                for (int l = 0; l < lines; l++) {
                    int s = horizontal ? (l * w + i) : (i * w + l);
                    int d = horizontal ? (l * ow + o) : (o * ow + l);
                    for (int c = 0; c < 3; c++) {
                        dst[d * 3 + c] += weight * src[s * 3 + c];
                    }
                }
            }
        }
        return dst;
    }

    private static double[] toDouble(RgbImage img) {
        byte[] px = img.rgb();
        double[] d = new double[px.length];
        for (int i = 0; i < px.length; i++) {
            d[i] = px[i] & 0xff;
        }
        return d;
    }

    private static RgbImage toImage(double[] d, int w, int h) {
        byte[] px = new byte[d.length];
        for (int i = 0; i < d.length; i++) {
            px[i] = (byte) Pixels.clip(Math.round(d[i]));
        }
        return new RgbImage(w, h, px);
    }
}
