package dev.prodet.serve.internal.api;

import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.infer.InferenceException;
import dev.prodet.serve.internal.infer.RunResult;
import dev.prodet.serve.internal.repo.Lease;
import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.repo.ServedVersion;
import java.util.List;

/** Leasing a model version and running it, with the errors a client should see. */
public final class ModelAccess {
    private final ModelRepository repository;
    private final String defaultModel;

    /**
     * @param repository the model repository
     * @param defaultModel model used when a request names none and several serve; empty for none
     */
    public ModelAccess(ModelRepository repository, String defaultModel) {
        this.repository = repository;
        this.defaultModel = defaultModel == null ? "" : defaultModel;
    }

    /** The repository. */
    public ModelRepository repository() {
        return repository;
    }

    /**
     * The model a request means: the named one, else the configured default, else the only one serving.
     *
     * @throws ApiException 400 when several serve and none is named, 503 when none serves
     */
    public String resolve(String requested) throws ApiException {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        if (!defaultModel.isEmpty()) {
            return defaultModel;
        }
        List<String> names = repository.modelNames();
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.isEmpty()) {
            throw new ApiException(503, "no-model", "no model is serving from " + repository.describeRoot());
        }
        throw ApiException.badRequest(
                "model-required", "several models serve " + names + "; name one with ?model=NAME");
    }

    /**
     * A lease on a serving version.
     *
     * @param version the version, or null for the latest serving one
     * @throws ApiException 404 naming what serves when the model or version does not
     */
    public Lease lease(String name, String version) throws ApiException {
        Lease lease = repository.acquire(name, version);
        if (lease != null) {
            return lease;
        }
        List<ServedVersion> serving = repository.serving(name);
        if (serving.isEmpty()) {
            throw ApiException.notFound(
                    "unknown-model", "model '" + name + "' is not serving; models serving: " + repository.modelNames());
        }
        throw ApiException.notFound(
                "unknown-version",
                "model '" + name + "' has no serving version '" + version + "'; versions serving: "
                        + serving.stream().map(ServedVersion::version).toList());
    }

    /** Runs {@code count} items on a leased version; engine trouble becomes 5xx. */
    public static RunResult run(Lease lease, float[] input, int count) throws ApiException {
        try {
            return lease.version().runner().run(input, count);
        } catch (InferenceException e) {
            switch (e.kind()) {
                case OVERLOADED:
                    throw new ApiException(503, "overloaded", e.getMessage());
                case TIMEOUT:
                    throw new ApiException(503, "timeout", e.getMessage());
                case CLOSED:
                    throw new ApiException(503, "unloaded", e.getMessage());
                default:
                    throw new ApiException(500, "inference-failed", e.getMessage());
            }
        }
    }
}
