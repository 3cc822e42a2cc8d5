package dev.prodet.forgery.blend.internal.preview;

import dev.prodet.api.face.RgbImage;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Lays images of equal size out in a grid: one row per face, one column per image kind, each in a square of
 * {@code cell} pixels.
 */
record ContactSheet(BufferedImage image, int columns, int cell) {

    /** An empty sheet of {@code rows} by {@code columns} cells. */
    static ContactSheet of(int rows, int columns, int cell) {
        return new ContactSheet(
                new BufferedImage(columns * cell, rows * cell, BufferedImage.TYPE_INT_RGB), columns, cell);
    }

    void put(int row, int column, RgbImage img) {
        if (column >= columns) {
            throw new IllegalArgumentException("column " + column + " outside " + columns);
        }
        for (int y = 0; y < cell; y++) {
            int sy = y * img.height() / cell;
            for (int x = 0; x < cell; x++) {
                int sx = x * img.width() / cell;
                int rgb = (img.get(sx, sy, 0) << 16) | (img.get(sx, sy, 1) << 8) | img.get(sx, sy, 2);
                image.setRGB(column * cell + x, row * cell + y, rgb);
            }
        }
    }

    /** A mask in [0,1] as a grey image of the same size. */
    static RgbImage maskImage(float[] mask, int width, int height) {
        byte[] px = new byte[width * height * 3];
        for (int i = 0; i < mask.length; i++) {
            byte v = (byte) Math.round(mask[i] * 255);
            px[3 * i] = v;
            px[3 * i + 1] = v;
            px[3 * i + 2] = v;
        }
        return new RgbImage(width, height, px);
    }

    /** The crop at its own size. */
    static BufferedImage toImage(RgbImage img) {
        BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                out.setRGB(x, y, (img.get(x, y, 0) << 16) | (img.get(x, y, 1) << 8) | img.get(x, y, 2));
            }
        }
        return out;
    }

    static String header(List<String> columns) {
        return String.join(" | ", columns);
    }
}
