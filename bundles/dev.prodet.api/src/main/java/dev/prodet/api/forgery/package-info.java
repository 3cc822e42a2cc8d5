/**
 * Forgery generators: plugins that turn a real aligned face into a training forgery (self-blended SBI,
 * cross-blended CBI, face-swap deepfake, ...), and the anchor kinds with the attribute labels ProDet trains on.
 */
@Export
@Version("1.1.0")
package dev.prodet.api.forgery;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
