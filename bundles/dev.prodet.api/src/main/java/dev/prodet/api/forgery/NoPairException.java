package dev.prodet.api.forgery;

/**
 * Thrown by the paired deepfake generator when no manipulated frame of the selected methods pairs the real frame
 * (its manipulated video is not in the dataset, or that frame was dropped for want of a face). A missing pair is
 * handled like a missing donor, never replaced by another kind of forgery: the trainer counts it and draws another
 * real face, and stops with this message when no face has a pair.
 *
 * @since 1.1
 */
public class NoPairException extends NoDonorException {

    private static final long serialVersionUID = 1L;

    /**
     * @param videoId the real video whose frame has no pair
     * @param detail which frame and methods, and what to do
     */
    public NoPairException(String videoId, String detail) {
        super(videoId, "no manipulated frame pairs real video " + videoId + ": " + detail, true);
    }
}
