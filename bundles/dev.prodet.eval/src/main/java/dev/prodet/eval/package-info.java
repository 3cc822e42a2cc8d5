/**
 * Evaluation's entry points for code outside an OSGi framework: {@link dev.prodet.eval.OrtScorers} opens a model
 * package with the same ONNX Runtime scorer that {@code ./prodet eval} uses.
 */
@Export
@Version("1.0.0")
package dev.prodet.eval;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
