package dev.prodet.eval.internal.metrics;

/**
 * A two-sided confidence interval.
 *
 * @param low lower bound
 * @param high upper bound
 * @param level coverage, e.g. 0.95
 * @param resamples bootstrap resamples it was computed from
 * @param seed seed of the resampling
 */
public record Interval(double low, double high, double level, int resamples, long seed) {}
