package dev.prodet.forgery.blend.testing;

import dev.prodet.api.face.Landmarks;

/**
 * The 68 iBUG landmarks of a procedurally drawn face. Points are laid out in a unit face frame (x in [-1, 1] from
 * image left to right, y from brow level -0.5 down to the chin at 1) and mapped to pixels by centre and half-axes.
 *
 * @param cx face centre x in pixels
 * @param cy face centre y in pixels
 * @param a horizontal half-axis in pixels
 * @param b vertical half-axis in pixels
 * @param eyeSpread horizontal offset of the eye centres, in unit-frame units (about 0.4)
 * @param mouthOpen inner-lip half-height in unit-frame units (0 = closed: upper and lower inner lips coincide)
 */
public record FaceGeometry(double cx, double cy, double a, double b, double eyeSpread, double mouthOpen) {

    /** Number of landmarks. */
    public static final int POINTS = 68;

    /** Pixel x of a unit-frame x. */
    public double px(double u) {
        return cx + a * u;
    }

    /** Pixel y of a unit-frame y. */
    public double py(double v) {
        return cy + b * v;
    }

    /** The 68 landmarks in iBUG order. */
    public Landmarks landmarks() {
        double[] u = new double[POINTS];
        double[] v = new double[POINTS];
        for (int i = 0; i <= 16; i++) { // jaw, subject's right ear (image left) to left ear through the chin
            double t = Math.PI * i / 16;
            u[i] = -Math.cos(t) * 0.98;
            v[i] = -0.2 + 1.2 * Math.sin(t);
        }
        for (int i = 0; i < 5; i++) { // eyebrows: arcs above the eyes
            double s = i / 4.0;
            u[17 + i] = -0.8 + 0.6 * s;
            v[17 + i] = -0.45 - 0.12 * Math.sin(Math.PI * (0.2 + 0.7 * s));
            u[22 + i] = 0.2 + 0.6 * s;
            v[22 + i] = -0.45 - 0.12 * Math.sin(Math.PI * (0.9 - 0.7 * s));
        }
        for (int i = 0; i < 4; i++) { // nose bridge, top to tip
            u[27 + i] = 0;
            v[27 + i] = -0.3 + 0.15 * i;
        }
        for (int i = 0; i < 5; i++) { // nostrils
            u[31 + i] = -0.2 + 0.1 * i;
            v[31 + i] = 0.25 + (i == 2 ? 0.04 : i == 1 || i == 3 ? 0.02 : 0);
        }
        eye(u, v, 36, -eyeSpread);
        eye(u, v, 42, eyeSpread);
        for (int i = 0; i < 12; i++) { // outer lips: left corner, upper lip to the right corner, lower lip back
            double t = Math.PI - 2 * Math.PI * i / 12;
            u[48 + i] = 0.36 * Math.cos(t);
            v[48 + i] = 0.58 - 0.14 * Math.sin(t);
        }
        for (int i = 0; i < 8; i++) { // inner lips: 60 left corner, 61-63 upper, 64 right corner, 65-67 lower
            double t = Math.PI - 2 * Math.PI * i / 8;
            u[60 + i] = 0.24 * Math.cos(t);
            v[60 + i] = 0.58 - mouthOpen * Math.sin(t);
        }
        float[] xy = new float[2 * POINTS];
        for (int i = 0; i < POINTS; i++) {
            xy[2 * i] = (float) px(u[i]);
            xy[2 * i + 1] = (float) py(v[i]);
        }
        return new Landmarks(xy);
    }

    // six points from the image-left corner over the top to the image-right corner and back along the bottom: iBUG
    // order for both eyes (36 outer corner of the subject's right eye, 42 inner corner of the left one)
    private static void eye(double[] u, double[] v, int base, double centre) {
        for (int k = 0; k < 6; k++) {
            double t = Math.PI - k * Math.PI / 3;
            u[base + k] = centre + 0.17 * Math.cos(t);
            v[base + k] = -0.22 - 0.07 * Math.sin(t);
        }
    }
}
