/**
 * File helpers that several bundles need alike: {@link dev.prodet.api.io.Sha256}, the checksum that model packages,
 * dataset manifests and the fetched face models are verified with, and {@link dev.prodet.api.io.Float16}, the
 * half-precision values that weight files and inference requests carry.
 */
@Export
@Version("1.1.0")
package dev.prodet.api.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
