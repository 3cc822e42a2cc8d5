package dev.prodet.eval.internal.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals for frame- and video-level AUC. Whole videos are resampled, with replacement and
 * separately per class (so every resample has both classes): frames of one video are strongly correlated, and
 * resampling frames as if independent would give intervals that are too narrow. With fewer than
 * {@value #MIN_VIDEOS_PER_CLASS} videos in a class there is no interval ({@link Interval#unavailable}). Seeded, so
 * reproducible.
 */
public final class Bootstrap {
    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Fewest videos per class for a percentile bootstrap of video resamples to mean anything. */
    public static final int MIN_VIDEOS_PER_CLASS = 10;

    private static final double LEVEL = 0.95;

    private final int resamples;
    private final long seed;

    /**
     * @param resamples number of resamples, at least 10
     * @param seed random seed
     */
    public Bootstrap(int resamples, long seed) {
        if (resamples < 10) {
            throw new IllegalArgumentException("bootstrap needs at least 10 resamples, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** The two 95% intervals: {@code [0]} frame-level AUC, {@code [1]} video-level AUC. */
    public Interval[] aucIntervals(BinaryScores frames, VideoGroups groups, String what) {
        Auc frameAuc = new Auc(frames, "frame-level AUC of " + what);
        Auc videoAuc = new Auc(groups.videos(), "video-level AUC of " + what);
        int[] frameVideo = groups.frameVideo();
        List<Integer> real = new ArrayList<>();
        List<Integer> fake = new ArrayList<>();
        for (int v = 0; v < groups.size(); v++) {
            (groups.videos().label(v) == 1 ? fake : real).add(v);
        }
        if (real.size() < MIN_VIDEOS_PER_CLASS || fake.size() < MIN_VIDEOS_PER_CLASS) {
            Interval none = Interval.unavailable(groups.size(), LEVEL, seed);
            return new Interval[] {none, none};
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] fa = new double[resamples];
        double[] va = new double[resamples];
        double[] videoWeights = new double[groups.size()];
        double[] frameWeights = new double[frames.size()];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(videoWeights, 0);
            draw(real, videoWeights, rng);
            draw(fake, videoWeights, rng);
            for (int i = 0; i < frameWeights.length; i++) {
                frameWeights[i] = videoWeights[frameVideo[i]];
            }
            fa[r] = frameAuc.weighted(frameWeights);
            va[r] = videoAuc.weighted(videoWeights);
        }
        return new Interval[] {interval(fa, groups.size()), interval(va, groups.size())};
    }

    private static void draw(List<Integer> videos, double[] weights, SplittableRandom rng) {
        for (int k = 0; k < videos.size(); k++) {
            weights[videos.get(rng.nextInt(videos.size()))]++;
        }
    }

    private Interval interval(double[] values, int videos) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new Interval(
                percentile(v, (1 - LEVEL) / 2), percentile(v, (1 + LEVEL) / 2), LEVEL, resamples, seed, videos);
    }

    /** Linear interpolation between closest ranks, as NumPy's default {@code percentile}. */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
