package dev.prodet.data.internal.manifest;

import java.util.List;

/**
 * One source video (or still image) of a dataset and what preparation made of it.
 *
 * @param source the source file relative to the manifest's {@code sourceRoot}, {@code /} separators
 * @param size size of the source file in bytes when it was prepared (with {@code modified}, tells a re-run
 *     whether the source changed)
 * @param modified last-modified time of the source in milliseconds since the epoch
 * @param videoId dataset-unique id of the video
 * @param identity id of the person shown
 * @param label {@code real} or {@code fake}
 * @param split {@code train}, {@code val} or {@code test}
 * @param framesInVideo frames the container reports (1 for a still)
 * @param sampled frames sampled and decoded
 * @param dropped sampled frames without a usable face (dropped, as DeepfakeBench does)
 * @param frames the aligned faces kept
 */
public record VideoEntry(
        String source,
        long size,
        long modified,
        String videoId,
        String identity,
        String label,
        String split,
        int framesInVideo,
        int sampled,
        int dropped,
        List<FrameEntry> frames) {

    /** Copies the frame list. */
    public VideoEntry {
        frames = List.copyOf(frames);
    }
}
