package dev.prodet.face;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link FacePreprocessor} that owns its models, for use outside an OSGi framework (Spark executors, batch tools):
 * obtained from {@link FacePipelines}, closed by its owner to free the native models. Thread-safe like every face
 * preprocessor.
 */
@ProviderType
public interface StandaloneFacePreprocessor extends FacePreprocessor, AutoCloseable {

    /** Frees the detector and landmark models. */
    @Override
    void close();
}
