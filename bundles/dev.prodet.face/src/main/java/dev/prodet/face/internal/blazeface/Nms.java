package dev.prodet.face.internal.blazeface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression as MediaPipe's {@code NonMaxSuppressionCalculator} does it: the best remaining detection
 * absorbs every detection that overlaps it by more than the IoU threshold. {@link Mode#WEIGHTED} (MediaPipe's
 * choice for BlazeFace) returns the score-weighted mean box and keypoints of the group, which jitters less from
 * frame to frame; {@link Mode#PLAIN} keeps the best detection as it is.
 */
public final class Nms {

    /** How a group of overlapping detections becomes one. */
    public enum Mode {
        /** Score-weighted mean of the group. */
        WEIGHTED,
        /** The group's best detection. */
        PLAIN
    }

    private Nms() {}

    /**
     * Merges overlapping detections.
     *
     * @param detections candidates (any order)
     * @param iouThreshold detections overlapping the group's best by more than this join the group (MediaPipe 0.3)
     * @param mode how a group becomes one detection
     * @return merged detections, best score first
     */
    public static List<Detection> apply(List<Detection> detections, float iouThreshold, Mode mode) {
        List<Detection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Detection best = remaining.get(0);
            List<Detection> group = new ArrayList<>();
            List<Detection> rest = new ArrayList<>();
            for (Detection d : remaining) {
                (best.iou(d) > iouThreshold || d == best ? group : rest).add(d);
            }
            out.add(mode == Mode.WEIGHTED ? merge(best, group) : best);
            remaining = rest;
        }
        return out;
    }

    private static Detection merge(Detection best, List<Detection> group) {
        if (group.size() == 1) {
            return best;
        }
        float total = 0;
        float cx = 0;
        float cy = 0;
        float w = 0;
        float h = 0;
        float[] k = new float[best.keypoints().length];
        for (Detection d : group) {
            float s = d.score();
            total += s;
            cx += d.cx() * s;
            cy += d.cy() * s;
            w += d.w() * s;
            h += d.h() * s;
            for (int i = 0; i < k.length; i++) {
                k[i] += d.keypoints()[i] * s;
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= total;
        }
        return new Detection(cx / total, cy / total, w / total, h / total, best.score(), k);
    }
}
