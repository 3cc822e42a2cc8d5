/**
 * Finds the fetched model files (BlazeFace ONNX, MediaPipe face_landmark.tflite) on disk and checks them. Assets are
 * fetched by {@code scripts/fetch-assets.sh} at set-up time, never downloaded at run time.
 */
package dev.prodet.face.internal.assets;
