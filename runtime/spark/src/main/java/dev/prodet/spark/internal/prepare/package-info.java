/** The {@code prepare} job: dataset preparation with one Spark task per video. */
package dev.prodet.spark.internal.prepare;
