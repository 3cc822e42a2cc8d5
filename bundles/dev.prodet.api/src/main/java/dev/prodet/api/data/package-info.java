/**
 * Datasets of aligned face samples: what a dataset adapter (folder, FaceForensics++, Celeb-DF, ...) offers to
 * training, evaluation and the forgery generators, and the pairing of manipulated frames with the real frames they
 * were made from.
 */
@Export
@Version("1.1.0")
package dev.prodet.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
