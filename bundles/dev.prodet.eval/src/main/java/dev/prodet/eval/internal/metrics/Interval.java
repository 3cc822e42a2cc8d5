package dev.prodet.eval.internal.metrics;

import java.util.Locale;

/**
 * A two-sided bootstrap confidence interval, or the reason there is none: with too few videos per class (fewer than
 * {@link Bootstrap#MIN_VIDEOS_PER_CLASS}) the resamples are so few and so alike that the percentiles say nothing
 * (the sample data's 3 + 3 videos gave [0.03, 0.97]), so no interval is given rather than one that reads as a
 * result.
 *
 * @param low lower bound, NaN when not available
 * @param high upper bound, NaN when not available
 * @param level coverage, e.g. 0.95
 * @param resamples bootstrap resamples it was computed from (0 when not available)
 * @param seed seed of the resampling
 * @param videos videos the resampling drew from
 */
public record Interval(double low, double high, double level, int resamples, long seed, int videos) {

    /** No interval: too few videos to resample. */
    public static Interval unavailable(int videos, double level, long seed) {
        return new Interval(Double.NaN, Double.NaN, level, 0, seed, videos);
    }

    /** Whether the bounds were computed. */
    public boolean available() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** {@code [0.8123, 0.9456]}, or {@code n/a (6 videos)}. */
    @Override
    public String toString() {
        return available() ? String.format(Locale.ROOT, "[%.4f, %.4f]", low, high) : "n/a (" + videos + " videos)";
    }
}
