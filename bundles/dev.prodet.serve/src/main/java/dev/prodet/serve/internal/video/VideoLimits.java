package dev.prodet.serve.internal.video;

/**
 * How videos are sampled and how large they may be.
 *
 * @param frames frames scored per video unless the request asks for another number
 * @param maxFrames frames a request may ask for at most
 * @param maxSeconds longest video accepted, by its container's duration and by the frames actually decoded
 * @param maxPixels largest frame, width × height
 */
public record VideoLimits(int frames, int maxFrames, int maxSeconds, long maxPixels) {

    /** Validates the limits. */
    public VideoLimits {
        if (frames < 1 || maxFrames < frames || maxSeconds < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("video limits need 1 <= videoFrames <= maxVideoFrames, maxVideoSeconds"
                    + " >= 1 and maxVideoPixels >= 1, got " + frames + ", " + maxFrames + ", " + maxSeconds + ", "
                    + maxPixels);
        }
    }
}
