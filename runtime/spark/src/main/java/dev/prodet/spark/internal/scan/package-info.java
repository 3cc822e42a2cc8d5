/**
 * The {@code scan} job: lists the media of an archive, scores each item on an executor (frames, every face, the
 * model package) and writes face, frame and media rows to one Parquet table.
 */
package dev.prodet.spark.internal.scan;
