/**
 * Dataset preparation as plain Java, for code that runs without Declarative Services (the Spark {@code prepare}
 * job): {@link dev.prodet.data.prepare.DatasetPreparation} lists a dataset's sources, decides which videos need
 * work, hands those to a {@link dev.prodet.data.prepare.DatasetPreparation.VideoRunner} (local threads, or a
 * cluster that calls {@link dev.prodet.data.prepare.DatasetPreparation#prepareVideo} on its workers) and writes the
 * manifest and report exactly as {@code ./prodet data prepare} does.
 */
@Export
@Version("1.0.0")
package dev.prodet.data.prepare;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
