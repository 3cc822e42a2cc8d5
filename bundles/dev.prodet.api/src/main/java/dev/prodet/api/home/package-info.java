/**
 * Where ProDet keeps what is fetched and built outside a checkout (face models, portraits, demo videos): one rule,
 * shared by the scripts and every bundle, so that a shell and a JVM with different ideas of "home" still agree; and
 * the workspace that relative paths of the commands resolve against.
 */
@Export
@Version("1.1.0")
package dev.prodet.api.home;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
