package dev.prodet.face.internal.blazeface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {

    private static Detection det(float cx, float score) {
        return new Detection(cx, 50, 20, 20, score, new float[] {cx, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    }

    @Test
    void weightedMergesAnOverlappingGroupIntoItsScoreWeightedMean() {
        Detection a = det(50, 0.9f);
        Detection b = det(54, 0.3f); // IoU with a = 16/24 > 0.3
        Detection far = det(150, 0.6f);
        List<Detection> out = Nms.apply(List.of(b, far, a), 0.3f, Nms.Mode.WEIGHTED);
        assertEquals(2, out.size());
        assertEquals((50 * 0.9f + 54 * 0.3f) / 1.2f, out.get(0).cx(), 1e-4);
        assertEquals(out.get(0).cx(), out.get(0).keypoints()[0], 1e-4);
        assertEquals(0.9f, out.get(0).score());
        assertSame(far, out.get(1));
    }

    @Test
    void plainKeepsTheBestOfEachGroup() {
        Detection a = det(50, 0.9f);
        List<Detection> out = Nms.apply(List.of(det(54, 0.3f), a), 0.3f, Nms.Mode.PLAIN);
        assertEquals(List.of(a), out);
    }

    @Test
    void iouOfIdenticalAndDisjointBoxes() {
        assertEquals(1f, det(50, 1).iou(det(50, 1)), 1e-6);
        assertEquals(0f, det(50, 1).iou(det(90, 1)), 1e-6);
    }
}
