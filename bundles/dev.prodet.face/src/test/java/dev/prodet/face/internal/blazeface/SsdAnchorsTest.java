package dev.prodet.face.internal.blazeface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SsdAnchorsTest {

    private final SsdAnchors anchors = new SsdAnchors();

    @Test
    void layoutMatchesTheModelOutputs() {
        // 16x16 grid, 2 anchors per cell: anchors 0 and 1 share the first cell's centre
        assertEquals(0.5f / 16, anchors.cx(0), 1e-6);
        assertEquals(0.5f / 16, anchors.cy(1), 1e-6);
        assertEquals(1.5f / 16, anchors.cx(2), 1e-6);
        assertEquals(0.5f / 16, anchors.cy(2), 1e-6); // column advances before row
        assertEquals(0.5f / 16, anchors.cx(32), 1e-6);
        assertEquals(1.5f / 16, anchors.cy(32), 1e-6);
        assertEquals(15.5f / 16, anchors.cx(511), 1e-6);
        // then the 8x8 grid, 6 anchors per cell, from index 512 (= the first output's length)
        for (int k = 0; k < 6; k++) {
            assertEquals(0.5f / 8, anchors.cx(512 + k), 1e-6);
        }
        assertEquals(1.5f / 8, anchors.cx(518), 1e-6);
        assertEquals(7.5f / 8, anchors.cy(SsdAnchors.COUNT - 1), 1e-6);
    }
}
