package dev.prodet.serve.internal.api;

import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.repo.VersionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KServe's model-repository extension ({@code POST /v2/repository/index},
 * {@code POST /v2/repository/models/{name}/load|unload}). Off unless management is enabled: like TorchServe's
 * register/delete, changing what a server serves is not for every client.
 */
public final class RepositoryApi {
    private final ModelRepository repository;
    private final boolean enabled;

    /**
     * @param repository the repository
     * @param enabled whether management requests are allowed
     */
    public RepositoryApi(ModelRepository repository, boolean enabled) {
        this.repository = repository;
        this.enabled = enabled;
    }

    /** Every version the repository knows, with state and reason. */
    public Reply index() throws ApiException {
        check();
        return Reply.ok(repository.status().stream().map(RepositoryApi::json).toList());
    }

    /** Loads a model by its policy. */
    public Reply load(String name) throws ApiException {
        check();
        try {
            return Reply.ok(
                    repository.load(name).stream().map(RepositoryApi::json).toList());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown-model", e.getMessage());
        }
    }

    /** Unloads a model (in-flight requests finish first). */
    public Reply unload(String name) throws ApiException {
        check();
        try {
            return Reply.ok(
                    repository.unload(name).stream().map(RepositoryApi::json).toList());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown-model", e.getMessage());
        }
    }

    private void check() throws ApiException {
        if (!enabled) {
            throw new ApiException(
                    403,
                    "management-disabled",
                    "the model-repository API is off; start the"
                            + " runtime with prodet.serve.management=true to enable it");
        }
    }

    /** A version status as JSON (Triton's repository index entry plus provider and in-flight count). */
    public static Map<String, Object> json(VersionStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("version", s.version());
        m.put("state", s.state().name());
        m.put("reason", s.message());
        m.put("provider", s.provider());
        m.put("in_flight", s.inFlight());
        return m;
    }

    /** The statuses as JSON. */
    public static List<Map<String, Object>> json(List<VersionStatus> list) {
        return list.stream().map(RepositoryApi::json).toList();
    }
}
