/**
 * The model package, ProDet's unit of deployment: {@code model.onnx} plus {@code model.json} (tensor signature,
 * preprocessing, threshold and how it was chosen, labels, provenance, metrics, SHA-256 of the ONNX file). Readers refuse a package
 * whose checksum or face preprocessing does not match. And the training checkpoint a package is exported from
 * ({@link dev.prodet.api.model.TrainingCheckpoint}), in the same engine-neutral terms.
 */
@Export
@Version("1.3.0")
package dev.prodet.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
