package dev.prodet.face.internal.blazeface;

import dev.prodet.api.face.FaceBox;

/**
 * One BlazeFace detection: a box, its score and six keypoints (subject's right eye, left eye, nose tip, mouth
 * centre, right ear tragion, left ear tragion), all in one coordinate system (normalised input or pixels).
 *
 * @param cx box centre x
 * @param cy box centre y
 * @param w box width
 * @param h box height
 * @param score confidence in [0, 1]
 * @param keypoints {@code [x0, y0, ..., x5, y5]}
 */
public record Detection(float cx, float cy, float w, float h, float score, float[] keypoints) {

    /** Number of keypoints. */
    public static final int KEYPOINTS = 6;

    /** Intersection over union of the two boxes. */
    public float iou(Detection o) {
        float ix = Math.min(cx + w / 2, o.cx + o.w / 2) - Math.max(cx - w / 2, o.cx - o.w / 2);
        float iy = Math.min(cy + h / 2, o.cy + o.h / 2) - Math.max(cy - h / 2, o.cy - o.h / 2);
        if (ix <= 0 || iy <= 0) {
            return 0f;
        }
        float inter = ix * iy;
        return inter / (w * h + o.w * o.h - inter);
    }

    /** This detection mapped by {@code x' = x·scaleX + offsetX}, {@code y' = y·scaleY + offsetY}. */
    public Detection map(float scaleX, float scaleY, float offsetX, float offsetY) {
        float[] k = new float[keypoints.length];
        for (int i = 0; i < k.length; i += 2) {
            k[i] = keypoints[i] * scaleX + offsetX;
            k[i + 1] = keypoints[i + 1] * scaleY + offsetY;
        }
        return new Detection(cx * scaleX + offsetX, cy * scaleY + offsetY, w * scaleX, h * scaleY, score, k);
    }

    /** The box as the API's {@link FaceBox}. */
    public FaceBox toFaceBox() {
        return new FaceBox(cx - w / 2, cy - h / 2, w, h, Math.min(1f, Math.max(0f, score)));
    }
}
