package dev.prodet.serve.internal.detect;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.serve.ApiException;
import java.util.List;

/**
 * Finds the faces of a frame with the face stage in place, checked against the preprocessing the model was trained
 * with. A stage closed by a swap while the call came in is replaced by the new one and the call repeated, so a
 * routine swap under traffic answers no request with an error.
 */
final class FaceFinder {
    /** Attempts on successive stages before giving up during a swap storm. */
    static final int ATTEMPTS = 4;

    private final FaceStages stages;
    private final long waitMillis;
    private final int retryAfterSeconds;

    FaceFinder(FaceStages stages, long waitMillis, int retryAfterSeconds) {
        this.stages = stages;
        this.waitMillis = waitMillis;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * The faces, largest first; empty when there is none.
     *
     * @throws ApiException 409 for a model trained on other crops, 422 when face detection cannot process the
     *     frame, 503 when no face preprocessor is available
     */
    List<FaceStage.Face> find(RgbImage image, ModelMetadata md, int maxFaces) throws ApiException {
        FaceStage failed = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FaceStage stage = stage(failed);
            check(stage, md);
            try {
                return stage.faces(image, maxFaces);
            } catch (FaceStage.Closed e) {
                failed = stage; // swapped while the call came in: repeat it on the stage that replaces it
            } catch (IllegalArgumentException e) {
                throw new ApiException(
                        422, "face-detection-failed", "face detection cannot process this image: " + e.getMessage());
            } catch (IllegalStateException e) { // e.g. face models not fetched: the server's problem
                throw new ApiException(
                        503, "face-preprocessing-unavailable", "face preprocessing is unavailable: " + e.getMessage());
            }
        }
        throw ApiException.busy(
                503,
                "face-preprocessor-swapping",
                "the face preprocessor was replaced " + ATTEMPTS + " times during this request; retry",
                retryAfterSeconds);
    }

    private FaceStage stage(FaceStage failed) throws ApiException {
        FaceStage stage;
        try {
            stage = failed == null && stages.now() != null ? stages.now() : stages.await(failed, waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.busy(503, "interrupted", "the runtime is stopping", retryAfterSeconds);
        }
        if (stage == null) {
            throw new ApiException(
                    503,
                    "no-face-preprocessor",
                    "no face preprocessor is available (is the dev.prodet.face bundle active?); send an aligned face"
                            + " crop with aligned=true instead");
        }
        return stage;
    }

    private static void check(FaceStage stage, ModelMetadata md) throws ApiException {
        FacePreprocessorInfo trained = md.preprocessing().facePreprocessor();
        if (!stage.info().equals(trained)) {
            throw new ApiException(
                    409,
                    "preprocessor-mismatch",
                    "model " + md.name() + " version " + md.version()
                            + " was trained on crops from " + trained + " but this runtime's face preprocessor is "
                            + stage.info()
                            + "; send aligned crops with aligned=true or deploy the matching preprocessor");
        }
    }
}
