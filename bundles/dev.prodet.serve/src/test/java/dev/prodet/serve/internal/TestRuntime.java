package dev.prodet.serve.internal;

import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.repo.RepositoryEvents;
import java.nio.file.Path;
import java.util.Map;

/** Real repositories (ONNX Runtime loader) for tests outside the OSGi framework. */
public final class TestRuntime {
    private TestRuntime() {}

    /** Settings with defaults and the given overrides (keys as in the configuration). */
    public static ServeSettings settings(Path repo, Map<String, Object> overrides) {
        return ServeSettings.from(k -> k.equals("models") ? repo.toString() : overrides.get(k), k -> null);
    }

    /** A repository that loads with ONNX Runtime under the given settings; polled once. */
    public static ModelRepository repository(ServeSettings s) {
        ModelRepository r = new ModelRepository(
                s.models(),
                s.policy(),
                s.policies(),
                new OrtVersionLoader(s, (n, v, b, t) -> {}),
                () -> null,
                RepositoryEvents.NONE,
                0);
        r.poll();
        return r;
    }
}
