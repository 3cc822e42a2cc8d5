package dev.prodet.serve.internal.repo;

import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.serve.internal.infer.InferenceModel;
import dev.prodet.serve.internal.infer.Runner;

/** Turns a verified package into a runnable model version; the repository's seam to the inference engine. */
public interface VersionLoader {

    /**
     * Loads the model (session creation, signature check, warm-up).
     *
     * @throws ModelPackageException naming the package and the problem
     */
    InferenceModel load(ModelPackage pkg) throws ModelPackageException;

    /** The runner in front of a loaded model (direct or batching). */
    Runner runner(InferenceModel model);
}
