package dev.prodet.face.internal.blazeface;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns BlazeFace's raw outputs into detections (MediaPipe {@code TensorsToDetectionsCalculator} for the
 * short-range model): score = sigmoid(clip(logit, ±100)); box and keypoints are offsets in input pixels from the
 * anchor centre, divided by the input size (128) to give normalised coordinates.
 */
public final class BlazeFaceDecoder {

    /** Input side in pixels, which is also the regressor's scale. */
    public static final float INPUT_SIZE = 128f;

    private static final int VALUES = 16; // box (4) + 6 keypoints × 2
    private static final float CLIP = 100f;

    private final SsdAnchors anchors = new SsdAnchors();

    /**
     * Decodes one image's outputs.
     *
     * @param logits score logits, one per anchor (896)
     * @param regressors 16 values per anchor
     * @param minScore detections below this score are dropped
     * @return detections in normalised input coordinates, unsorted
     */
    public List<Detection> decode(float[] logits, float[][] regressors, float minScore) {
        if (logits.length != SsdAnchors.COUNT || regressors.length != SsdAnchors.COUNT) {
            throw new IllegalArgumentException("BlazeFace outputs must cover " + SsdAnchors.COUNT + " anchors, got "
                    + logits.length + " scores and " + regressors.length + " regressors");
        }
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < SsdAnchors.COUNT; i++) {
            float score = sigmoid(Math.max(-CLIP, Math.min(CLIP, logits[i])));
            if (score < minScore) {
                continue;
            }
            float[] r = regressors[i];
            if (r.length != VALUES) {
                throw new IllegalArgumentException(
                        "BlazeFace regressor " + i + " has " + r.length + " values, expected " + VALUES);
            }
            float ax = anchors.cx(i);
            float ay = anchors.cy(i);
            float w = r[2] / INPUT_SIZE;
            float h = r[3] / INPUT_SIZE;
            if (!(w > 0 && h > 0)) {
                continue; // a degenerate box cannot be a face
            }
            float[] k = new float[2 * Detection.KEYPOINTS];
            for (int j = 0; j < Detection.KEYPOINTS; j++) {
                k[2 * j] = r[4 + 2 * j] / INPUT_SIZE + ax;
                k[2 * j + 1] = r[5 + 2 * j] / INPUT_SIZE + ay;
            }
            out.add(new Detection(r[0] / INPUT_SIZE + ax, r[1] / INPUT_SIZE + ay, w, h, score, k));
        }
        return out;
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
