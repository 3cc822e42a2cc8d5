package dev.prodet.serve.internal.detect;

import dev.prodet.serve.internal.infer.Tensor;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * The ProDet head's {@code attention} output [N, F, s, s] as a picture: the mean over the F maps, scaled to 0..255
 * (min to max of the face) and enlarged smoothly to the crop size, as a PNG data URL a browser shows directly.
 */
public final class Heatmaps {
    /** Output holding the attention maps. */
    public static final String ATTENTION = "attention";

    private Heatmaps() {}

    /** The heatmap of item {@code i}, {@code size}×{@code size} pixels, as {@code data:image/png;base64,...}. */
    public static String png(Tensor attention, int i, int size) {
        long[] s = attention.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("attention must be [N, F, h, w], got " + attention);
        }
        int f = (int) s[1];
        int h = (int) s[2];
        int w = (int) s[3];
        float[] mean = new float[h * w];
        float[] d = attention.data();
        int base = i * f * h * w;
        for (int c = 0; c < f; c++) {
            for (int p = 0; p < h * w; p++) {
                mean[p] += d[base + c * h * w + p] / f;
            }
        }
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : mean) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < h * w; p++) {
            int g = hi > lo ? Math.round(255 * (mean[p] - lo) / (hi - lo)) : 0;
            small.getRaster().setSample(p % w, p / w, 0, g);
        }
        BufferedImage big = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g2 = big.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g2.drawImage(small, 0, 0, size, size, null);
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(big, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a heatmap PNG in memory", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
