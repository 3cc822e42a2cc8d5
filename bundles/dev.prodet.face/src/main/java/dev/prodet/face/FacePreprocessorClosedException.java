package dev.prodet.face;

/**
 * A call reached a face preprocessor, or a face detector behind it, that has been closed because it was swapped or
 * updated. Nothing is wrong with the frame: the caller should repeat the call with the preprocessor service now
 * registered.
 */
public final class FacePreprocessorClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param what the component that was closed, e.g. {@code face detector blazeface} */
    public FacePreprocessorClosedException(String what) {
        super(what + " was closed (swapped or updated); repeat the call with the current face preprocessor");
    }
}
