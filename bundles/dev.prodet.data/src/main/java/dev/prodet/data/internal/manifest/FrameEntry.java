package dev.prodet.data.internal.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One aligned face of one sampled frame.
 *
 * @param sample index among the video's sampled frames (0-based)
 * @param frameIndex index of the frame in the source video
 * @param path crop PNG, relative to the dataset folder, {@code /} separators
 * @param sha256 SHA-256 of the crop file
 * @param landmarks landmark file ({@code .npy}, float32 [104, 2], crop pixels), relative
 * @param landmarksSha256 SHA-256 of the landmark file
 * @param split the split of this frame when it differs from its video's ({@code val} for the held-out stretch of a
 *     training video, see {@code ValidationFrames}); {@code null} (not written) otherwise
 */
public record FrameEntry(
        int sample,
        int frameIndex,
        String path,
        String sha256,
        String landmarks,
        String landmarksSha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) String split) {

    /** A frame in its video's split. */
    public FrameEntry(
            int sample, int frameIndex, String path, String sha256, String landmarks, String landmarksSha256) {
        this(sample, frameIndex, path, sha256, landmarks, landmarksSha256, null);
    }

    /** This frame moved to {@code newSplit} ({@code null}: back to its video's split). */
    public FrameEntry withSplit(String newSplit) {
        return new FrameEntry(sample, frameIndex, path, sha256, landmarks, landmarksSha256, newSplit);
    }

    /** The split of this frame: its own, else {@code videoSplit}. */
    public String splitOr(String videoSplit) {
        return split != null ? split : videoSplit;
    }
}
