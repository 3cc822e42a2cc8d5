package dev.prodet.api.serve;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A deployed deepfake detector: face detection, alignment and the model, behind one call. Provided by the serving
 * runtime, one service per loaded model; clients (HTTP endpoints, the CLI) call it. Thread-safe.
 */
@ProviderType
public interface Detector {

    /**
     * Scores an encoded image (JPEG, PNG, ...).
     *
     * @param encodedImage the file bytes of the image
     * @return the detection
     * @throws IllegalArgumentException when the bytes are not a decodable image
     */
    Detection detect(byte[] encodedImage);

    /** Name of the model this detector runs. */
    String modelName();

    /** Version of the model this detector runs. */
    String modelVersion();
}
