package dev.prodet.api.model;

import dev.prodet.api.face.RgbImage;
import java.nio.ByteBuffer;

/**
 * Turns an aligned face crop into the model's input exactly as training did, so training, evaluation and serving
 * share one implementation: bilinear resize to {@link Preprocessing#inputSize()} (pixel centres aligned, as OpenCV's
 * INTER_LINEAR) and per-channel {@code (pixel/255 − mean) / std}, written planar (CHW) in the configured channel
 * order.
 */
public final class InputTensors {
    private InputTensors() {}

    /** Floats needed for one image. */
    public static int size(Preprocessing p) {
        return 3 * p.inputSize() * p.inputSize();
    }

    /** Writes one image at {@code dst[offset .. offset + size(p))}. */
    public static void fill(RgbImage image, Preprocessing p, float[] dst, int offset) {
        int out = p.inputSize();
        int w = image.width();
        int h = image.height();
        ByteBuffer px = image.rgbBuffer();
        boolean bgr = "BGR".equals(p.colorOrder());
        float[] scale = new float[3];
        float[] shift = new float[3];
        for (int c = 0; c < 3; c++) {
            int src = bgr ? 2 - c : c;
            scale[c] = (float) (1.0 / (255.0 * p.std().get(src)));
            shift[c] = (float) (p.mean().get(src) / p.std().get(src));
        }
        int plane = out * out;
        double sx = (double) w / out;
        double sy = (double) h / out;
        for (int y = 0; y < out; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            float wy = (float) (fy - y0);
            for (int x = 0; x < out; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                float wx = (float) (fx - x0);
                for (int c = 0; c < 3; c++) {
                    int ch = bgr ? 2 - c : c;
                    float v00 = px.get((y0 * w + x0) * 3 + ch) & 0xff;
                    float v01 = px.get((y0 * w + x1) * 3 + ch) & 0xff;
                    float v10 = px.get((y1 * w + x0) * 3 + ch) & 0xff;
                    float v11 = px.get((y1 * w + x1) * 3 + ch) & 0xff;
                    float top = v00 + (v01 - v00) * wx;
                    float bottom = v10 + (v11 - v10) * wx;
                    float v = top + (bottom - top) * wy;
                    dst[offset + c * plane + y * out + x] = v * scale[c] - shift[c];
                }
            }
        }
    }
}
