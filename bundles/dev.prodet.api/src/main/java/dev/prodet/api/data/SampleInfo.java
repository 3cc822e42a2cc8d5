package dev.prodet.api.data;

import dev.prodet.api.face.Landmarks;

/**
 * A {@link FaceSample} without its pixels: what training needs to choose targets and donors (ids, label, landmarks)
 * for every face of a split, in a few hundred bytes each, so that the crops can be loaded only when used.
 *
 * @param videoId dataset-unique id of the video the frame comes from
 * @param identity id of the person shown
 * @param label real or fake
 * @param frameIndex index of the frame within the video's sampled frames, &ge; 0
 * @param relativePath path of the crop relative to the dataset root, {@code /} separators
 * @param landmarks landmarks in crop pixel coordinates
 * @since 1.1
 */
public record SampleInfo(
        String videoId, String identity, Label label, int frameIndex, String relativePath, Landmarks landmarks) {

    /** Validates the fields. */
    public SampleInfo {
        FaceSample.requireText("SampleInfo", "videoId", videoId);
        FaceSample.requireText("SampleInfo", "identity", identity);
        FaceSample.requireText("SampleInfo", "relativePath", relativePath);
        if (label == null || landmarks == null) {
            throw new IllegalArgumentException(
                    "SampleInfo.label and landmarks must not be null (" + relativePath + ")");
        }
        if (frameIndex < 0) {
            throw new IllegalArgumentException("SampleInfo.frameIndex must be >= 0, got: " + frameIndex);
        }
    }

    /** The description of a loaded sample. */
    public static SampleInfo of(FaceSample s) {
        return new SampleInfo(
                s.videoId(),
                s.identity(),
                s.label(),
                s.frameIndex(),
                s.relativePath(),
                s.face().landmarks());
    }
}
