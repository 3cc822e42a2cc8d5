/**
 * Data preparation: for every source video of a dataset, sample frames, align the largest face of each, write crop
 * and landmarks, and record it all in the manifest; in parallel on all cores, with a progress bar, skipping videos
 * already prepared, and reporting every failed video with its path and reason instead of stopping.
 */
package dev.prodet.data.internal.prepare;
