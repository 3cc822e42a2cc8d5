/**
 * The face pipeline's service contract: a {@link dev.prodet.face.FacePreprocessor} turns a frame into aligned
 * 256×256 crops with landmarks (detect, landmarks, similarity alignment to the template of docs/method.md §5.1), and
 * {@link dev.prodet.face.FaceLandmarkLayout} says which landmark is which in its output. Face detectors themselves
 * are {@link dev.prodet.api.face.FaceDetector} plugins of {@code dev.prodet.api}. Outside OSGi,
 * {@link dev.prodet.face.FacePipelines} builds the same pipeline as a plain object (1.1: for the Spark jobs).
 */
@Export
@Version("1.1.0")
package dev.prodet.face;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
