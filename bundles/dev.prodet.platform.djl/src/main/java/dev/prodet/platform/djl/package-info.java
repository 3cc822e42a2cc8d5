/**
 * Access to the DJL PyTorch engine from other bundles. DJL discovers engines through the thread context class
 * loader; {@link dev.prodet.platform.djl.DjlRuntime} sets it to this bundle's loader around each call.
 */
@Export
@Version("1.0.0")
package dev.prodet.platform.djl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
