package dev.prodet.data.internal.manifest;

/**
 * One aligned face of one sampled frame.
 *
 * @param sample index among the video's sampled frames (0-based)
 * @param frameIndex index of the frame in the source video
 * @param path crop PNG, relative to the dataset folder, {@code /} separators
 * @param sha256 SHA-256 of the crop file
 * @param landmarks landmark file ({@code .npy}, float32 [104, 2], crop pixels), relative
 * @param landmarksSha256 SHA-256 of the landmark file
 */
public record FrameEntry(
        int sample, int frameIndex, String path, String sha256, String landmarks, String landmarksSha256) {}
