package dev.prodet.api.face;

/**
 * Identifies the face preprocessing (detector, landmark model, alignment template) that produced aligned crops.
 *
 * <p>A detector only works on crops made the way its training crops were made (a mismatch cost ProDet re-runs
 * several AUC points, docs/method.md §5.1), so a model package records this value and the runtime refuses to serve with a
 * different one.
 *
 * @param id stable name of the preprocessing, e.g. {@code blazeface-mediapipe68-arcface256}
 * @param version version of that preprocessing; any change in output pixels must change it
 */
public record FacePreprocessorInfo(String id, String version) {

    /** Validates both fields. */
    public FacePreprocessorInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("FacePreprocessorInfo.id must not be empty, got: " + quote(id));
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException(
                    "FacePreprocessorInfo.version must not be empty, got: " + quote(version));
        }
    }

    /** {@code id@version}, the form used in messages. */
    @Override
    public String toString() {
        return id + "@" + version;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
