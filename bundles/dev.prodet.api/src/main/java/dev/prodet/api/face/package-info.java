/**
 * Faces: RGB images, detected face boxes, 68-point landmarks and the aligned 256×256 crops that every other part
 * of ProDet (datasets, forgery generators, training, serving) consumes. Engine-neutral: plain arrays, no DJL, ONNX
 * Runtime or OpenCV types.
 */
@Export
@Version("1.0.0")
package dev.prodet.api.face;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
