package dev.prodet.forgery.blend.testing;

import dev.prodet.api.face.RgbImage;
import java.util.SplittableRandom;

/** Draws a face for {@link SyntheticFaces}: every pixel is a function of its position, the geometry and a seed. */
final class FacePainter {

    private FacePainter() {}

    static RgbImage paint(int w, int h, FaceGeometry g, int[] skin, int[] backdrop, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double phase1 = rng.nextDouble(0, 6.3);
        double phase2 = rng.nextDouble(0, 6.3);
        byte[] rgb = new byte[w * h * 3];
        double[] c = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x - g.cx()) / g.a();
                double v = (y - g.cy()) / g.b();
                // background: diagonal gradient with slow waves
                double wave = 18 * Math.sin(x * 0.05 + phase1) * Math.cos(y * 0.043 + phase2);
                for (int k = 0; k < 3; k++) {
                    c[k] = backdrop[k] + wave + 0.12 * (x - y) * (k == 1 ? -1 : 1);
                }
                // head: ellipse reaching above the brows (forehead), hair on top
                double head = u * u + Math.pow((v - 0.1) / 1.15, 2);
                if (head < 1.0) {
                    double shade = 1.0 - 0.25 * Math.max(0, head - 0.5) - 0.08 * u;
                    for (int k = 0; k < 3; k++) {
                        c[k] = skin[k] * shade;
                    }
                    if (v < -0.85) {
                        for (int k = 0; k < 3; k++) {
                            c[k] = 40 + 10 * k;
                        }
                    }
                    features(u, v, g, c);
                }
                // sensor noise, so that blur and sharpening have something to act on
                double n = rng.nextDouble(-6, 6);
                int o = (y * w + x) * 3;
                for (int k = 0; k < 3; k++) {
                    rgb[o + k] = (byte) Math.max(0, Math.min(255, (int) Math.round(c[k] + n)));
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static void features(double u, double v, FaceGeometry g, double[] c) {
        for (double side : new double[] {-1, 1}) {
            double eu = (u - side * g.eyeSpread()) / 0.17;
            double ev = (v + 0.22) / 0.07;
            double eye = eu * eu + ev * ev;
            if (eye < 1) {
                double iris = eu * eu * 4 + ev * ev;
                set(c, iris < 1 ? new double[] {60, 40, 30} : new double[] {235, 235, 230});
            }
            double bu = (u - side * 0.5) / 0.32;
            double bv = (v + 0.52) / 0.05;
            if (bu * bu + bv * bv < 1) {
                set(c, new double[] {50, 35, 25});
            }
        }
        if (Math.abs(u) < 0.06 && v > -0.3 && v < 0.22) { // nose ridge shadow
            scale(c, 0.85);
        }
        double nu = u / 0.2;
        double nv = (v - 0.25) / 0.06;
        if (nu * nu + nv * nv < 1) {
            scale(c, 0.7);
        }
        double mu = u / 0.36;
        double mv = (v - 0.58) / 0.14;
        if (mu * mu + mv * mv < 1) {
            set(c, new double[] {170, 60, 70});
            double iu = u / 0.24;
            double iv = (v - 0.58) / Math.max(g.mouthOpen(), 1e-3);
            if (iu * iu + iv * iv < 1) {
                set(c, new double[] {40, 10, 15});
            }
        }
    }

    private static void set(double[] c, double[] value) {
        System.arraycopy(value, 0, c, 0, 3);
    }

    private static void scale(double[] c, double f) {
        for (int k = 0; k < 3; k++) {
            c[k] *= f;
        }
    }
}
