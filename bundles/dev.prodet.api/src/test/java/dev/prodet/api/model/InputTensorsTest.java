package dev.prodet.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTensorsTest {
    static Preprocessing prep(int size, String order) {
        return new Preprocessing(
                size, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5), order, new FacePreprocessorInfo("t", "1"));
    }

    @Test
    void normalisesToMinusOneOneInChwOrder() {
        byte[] px = new byte[2 * 2 * 3];
        for (int i = 0; i < 4; i++) {
            px[i * 3] = (byte) 255; // R = 255, G = 0, B = 0
        }
        float[] out = new float[InputTensors.size(prep(2, "RGB"))];
        InputTensors.fill(new RgbImage(2, 2, px), prep(2, "RGB"), out, 0);
        assertEquals(1f, out[0], 1e-6);
        assertEquals(-1f, out[4], 1e-6);
        assertEquals(-1f, out[8], 1e-6);
        InputTensors.fill(new RgbImage(2, 2, px), prep(2, "BGR"), out, 0);
        assertEquals(-1f, out[0], 1e-6);
        assertEquals(1f, out[8], 1e-6);
    }

    @Test
    void halvingAveragesPixelPairs() {
        byte[] px = new byte[4 * 1 * 3];
        int[] values = {0, 100, 200, 50};
        for (int x = 0; x < 4; x++) {
            for (int c = 0; c < 3; c++) {
                px[x * 3 + c] = (byte) values[x];
            }
        }
        Preprocessing p = new Preprocessing(
                2, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), "RGB", new FacePreprocessorInfo("t", "1"));
        float[] out = new float[InputTensors.size(p)];
        InputTensors.fill(new RgbImage(4, 4, new byte[48]), p, out, 0);
        assertEquals(0f, out[0], 1e-6);
        byte[] row = new byte[4 * 4 * 3];
        System.arraycopy(px, 0, row, 0, 12);
        System.arraycopy(px, 0, row, 12, 12);
        System.arraycopy(px, 0, row, 24, 12);
        System.arraycopy(px, 0, row, 36, 12);
        InputTensors.fill(new RgbImage(4, 4, row), p, out, 0);
        assertEquals(50 / 255f, out[0], 1e-6);
        assertEquals(125 / 255f, out[1], 1e-6);
    }
}
