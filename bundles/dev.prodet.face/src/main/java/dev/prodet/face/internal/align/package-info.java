/**
 * Alignment to the ProDet crop template (docs/method.md §5.1): five points from the landmarks, least-squares similarity
 * onto the template, a 256×256 warp, landmarks again on the crop; and the {@code FacePreprocessor} service that
 * runs the whole pipeline.
 */
package dev.prodet.face.internal.align;
