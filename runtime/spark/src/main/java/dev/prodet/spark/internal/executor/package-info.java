/**
 * What executors need besides the application's jars: the face models and the model package, shipped with the job
 * (Spark's file distribution) or read in place in local mode, and loaded once per executor JVM.
 */
package dev.prodet.spark.internal.executor;
