/**
 * Conventions shared by every ProDet plugin service: the service properties that describe a plugin (so that
 * tools can list plugins without activating them) and the plugin kinds known to the platform.
 */
@Export
@Version("1.1.0")
package dev.prodet.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
