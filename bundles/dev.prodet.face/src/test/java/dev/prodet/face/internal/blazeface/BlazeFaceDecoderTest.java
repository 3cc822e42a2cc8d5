package dev.prodet.face.internal.blazeface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlazeFaceDecoderTest {

    @Test
    void decodesOffsetsFromTheAnchorCentre() {
        float[] logits = new float[SsdAnchors.COUNT];
        Arrays.fill(logits, -10f);
        float[][] regs = new float[SsdAnchors.COUNT][16];
        int i = 600; // an 8x8-grid anchor
        SsdAnchors anchors = new SsdAnchors();
        logits[i] = 2f;
        regs[i] = new float[] {6.4f, -12.8f, 32f, 38.4f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        List<Detection> ds = new BlazeFaceDecoder().decode(logits, regs, 0.5f);
        assertEquals(1, ds.size());
        Detection d = ds.get(0);
        assertEquals(anchors.cx(i) + 0.05f, d.cx(), 1e-6);
        assertEquals(anchors.cy(i) - 0.1f, d.cy(), 1e-6);
        assertEquals(0.25f, d.w(), 1e-6);
        assertEquals(0.3f, d.h(), 1e-6);
        assertEquals(1 / (1 + Math.exp(-2)), d.score(), 1e-6);
        assertEquals(anchors.cx(i) + 1 / 128f, d.keypoints()[0], 1e-6);
        assertEquals(anchors.cy(i) + 12 / 128f, d.keypoints()[11], 1e-6);
    }

    @Test
    void dropsLowScoresAndDegenerateBoxes() {
        float[] logits = new float[SsdAnchors.COUNT];
        Arrays.fill(logits, 5f);
        float[][] regs = new float[SsdAnchors.COUNT][16]; // zero width and height everywhere
        regs[3][2] = 10;
        regs[3][3] = 10;
        logits[4] = -5f;
        assertEquals(1, new BlazeFaceDecoder().decode(logits, regs, 0.5f).size());
    }
}
