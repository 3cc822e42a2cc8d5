package dev.prodet.api.data;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.RgbImage;

/**
 * One aligned face of one frame of one video, with its ground truth.
 *
 * @param face the aligned crop with landmarks
 * @param videoId dataset-unique id of the video (or image group) the frame comes from; donors for cross-blending
 *     are taken from other videos
 * @param identity id of the person shown (for FF++ real videos the video id itself); used to keep donors and
 *     targets apart
 * @param label real or fake
 * @param frameIndex index of the frame within the video's sampled frames, &ge; 0
 * @param relativePath path of the crop relative to the dataset root, with {@code /} separators
 */
public record FaceSample(
        AlignedFace face, String videoId, String identity, Label label, int frameIndex, String relativePath) {

    /** Validates all fields. */
    public FaceSample {
        if (face == null) {
            throw new IllegalArgumentException("FaceSample.face must not be null");
        }
        requireText("FaceSample", "videoId", videoId);
        requireText("FaceSample", "identity", identity);
        if (label == null) {
            throw new IllegalArgumentException("FaceSample.label must not be null");
        }
        if (frameIndex < 0) {
            throw new IllegalArgumentException("FaceSample.frameIndex must be >= 0, got: " + frameIndex);
        }
        requireText("FaceSample", "relativePath", relativePath);
        // '/' only, never absolute: the same manifest must work on every machine (ProDet's '\\' parsing broke POSIX)
        if (relativePath.startsWith("/") || relativePath.contains("\\") || relativePath.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException(
                    "FaceSample.relativePath must be relative with '/' separators, got: '" + relativePath + "'");
        }
    }

    /**
     * This sample with another crop of the same size (same landmarks, ids and path): how a training tuple hands its
     * shared background to a generator (method.md §2.2).
     *
     * @throws IllegalArgumentException when {@code image} has another size, which would invalidate the landmarks
     * @since 1.1
     */
    public FaceSample withImage(RgbImage image) {
        if (image.width() != face.width() || image.height() != face.height()) {
            throw new IllegalArgumentException("FaceSample.withImage needs a " + face.width() + "x" + face.height()
                    + " image for " + relativePath + ", got " + image.width() + "x" + image.height());
        }
        return new FaceSample(
                new AlignedFace(image, face.landmarks(), face.sourceBox(), face.preprocessor()),
                videoId,
                identity,
                label,
                frameIndex,
                relativePath);
    }

    static void requireText(String type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    type + "." + field + " must not be empty, got: " + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
