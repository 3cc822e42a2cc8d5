/**
 * The model package, ProDet's unit of deployment: {@code model.onnx} plus {@code model.json} (tensor signature,
 * preprocessing, threshold and how it was chosen, labels, provenance, metrics, SHA-256 of the ONNX file). Readers refuse a package
 * whose checksum or face preprocessing does not match.
 */
@Export
@Version("1.1.0")
package dev.prodet.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
