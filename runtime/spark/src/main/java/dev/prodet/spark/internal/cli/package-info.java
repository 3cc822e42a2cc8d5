/** Command-line options and the Spark session the jobs run in (local by default, any master URL on request). */
package dev.prodet.spark.internal.cli;
