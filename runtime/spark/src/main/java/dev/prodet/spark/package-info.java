/**
 * ProDet's Spark jobs, run by {@link dev.prodet.spark.ProdetSpark}: {@code prepare} (dataset preparation distributed
 * by video) and {@code scan} (score every image and video of an archive with a model package, into Parquet). Plain
 * Java on Spark, not OSGi: the work is done by the bundles' exported entry points, so a cluster computes what
 * {@code ./prodet data prepare} and {@code ./prodet eval} compute on one machine.
 */
package dev.prodet.spark;
