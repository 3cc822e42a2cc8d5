package dev.prodet.api.forgery;

/**
 * Thrown when a generator needs a donor face (a cross blend, a face swap) and none exists for the target.
 *
 * <p>The original CBI code silently fell back to blending the face with itself, which quietly turns CBI anchors
 * into SBI anchors with CBI labels (docs/method.md §4.2, §7). ProDet never falls back: the missing donor is an error that
 * names the video, so the dataset or donor index can be fixed. Unchecked, because it signals a data set-up error
 * that should stop the run rather than be handled per sample.
 */
public class NoDonorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String videoId;

    /**
     * @param videoId the target video that has no donor
     * @param detail why, e.g. {@code "all 3 nearest faces come from the same video"}; may be {@code null}
     */
    public NoDonorException(String videoId, String detail) {
        super("no donor exists for video " + videoId + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.videoId = videoId;
    }

    /**
     * For subclasses that word their own message.
     *
     * @param videoId the target video
     * @param message the whole message
     * @param wholeMessage marks this constructor; its value is ignored
     * @since 1.1
     */
    protected NoDonorException(String videoId, String message, boolean wholeMessage) {
        super(message);
        this.videoId = videoId;
    }

    /** The target video that has no donor. */
    public String videoId() {
        return videoId;
    }
}
