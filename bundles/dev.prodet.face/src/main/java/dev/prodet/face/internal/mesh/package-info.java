/**
 * Face landmarks with MediaPipe's face mesh ({@code face_landmark.tflite}, 468 points) on OpenCV DNN: the rotated
 * square region of interest around a face, sampling it to the model's 192×192 input, the two-pass refinement that
 * makes the result independent of the detector's box, and the map from the 468 mesh points to the iBUG 68-point
 * order plus the face oval.
 */
package dev.prodet.face.internal.mesh;
