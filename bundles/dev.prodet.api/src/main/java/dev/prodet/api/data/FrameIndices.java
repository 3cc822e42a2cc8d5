package dev.prodet.api.data;

import java.util.Arrays;

/**
 * Which frames of a video to score: {@code numpy.linspace(0, count − 1, n).astype(int)}, as DeepfakeBench does. Data
 * preparation and the edge runtime sample videos alike, so a served video score means what evaluation measured.
 */
public final class FrameIndices {

    /** DeepfakeBench's default number of frames per video. */
    public static final int DEFAULT_FRAMES = 32;

    private FrameIndices() {}

    /**
     * Evenly spaced frame indices over the whole video, truncated towards zero like numpy's {@code astype(int)};
     * duplicates (when the video has fewer frames than asked for) are removed.
     *
     * @param count frames in the video, &ge; 1
     * @param n frames wanted, &ge; 1
     * @return increasing distinct indices in [0, count)
     */
    public static int[] evenlySpaced(int count, int n) {
        if (count < 1) {
            throw new IllegalArgumentException("a video needs at least one frame to sample, got " + count);
        }
        if (n < 1) {
            throw new IllegalArgumentException("frames per video must be >= 1, got " + n);
        }
        int[] out = new int[n];
        double step = n == 1 ? 0 : (double) (count - 1) / (n - 1); // numpy: i * step, last element = stop
        for (int i = 0; i < n; i++) {
            out[i] = n > 1 && i == n - 1 ? count - 1 : (int) (i * step);
        }
        return Arrays.stream(out).distinct().toArray();
    }
}
