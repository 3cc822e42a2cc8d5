package dev.prodet.face.internal.assets;

/** A model file the face pipeline needs is missing or corrupt; the message says how to fetch it. */
public final class MissingAssetException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the file and the fix. */
    public MissingAssetException(String message) {
        super(message);
    }
}
