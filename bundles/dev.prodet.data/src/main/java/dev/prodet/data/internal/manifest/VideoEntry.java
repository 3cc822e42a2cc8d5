package dev.prodet.data.internal.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param original for a manipulated video, the id of the real video it was made from; absent otherwise (and in
 *     manifests written before pairing was recorded)
 * @param method for a manipulated video, its manipulation method; absent otherwise
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
        List<FrameEntry> frames,
        @JsonInclude(JsonInclude.Include.NON_NULL) String original,
        @JsonInclude(JsonInclude.Include.NON_NULL) String method) {

    /** Copies the frame list. */
    public VideoEntry {
        frames = List.copyOf(frames);
    }

    /** An entry that is no manipulation of another video. */
    public VideoEntry(
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
        this(
                source,
                size,
                modified,
                videoId,
                identity,
                label,
                split,
                framesInVideo,
                sampled,
                dropped,
                frames,
                null,
                null);
    }

    /** This entry with the pairing the adapter now reports (the crops are unchanged). */
    public VideoEntry withPairing(String newOriginal, String newMethod) {
        return new VideoEntry(
                source,
                size,
                modified,
                videoId,
                identity,
                label,
                split,
                framesInVideo,
                sampled,
                dropped,
                frames,
                newOriginal,
                newMethod);
    }
}
