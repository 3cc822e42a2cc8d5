/**
 * The engine-neutral network description (IR) from which both the DJL training network and the ONNX export are
 * generated, so that no architecture is written twice. Reserved for that description; for now it holds the tensor
 * shape type the description and the model package share.
 */
@Export
@Version("1.0.0")
package dev.prodet.api.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
