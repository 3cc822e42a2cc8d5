/**
 * MediaPipe BlazeFace (short-range, 128×128) on ONNX Runtime: letterboxed input, the 896 SSD anchors, box and
 * keypoint decoding, weighted non-maximum suppression, and the {@code blazeface} face-detector plugin.
 */
package dev.prodet.face.internal.blazeface;
