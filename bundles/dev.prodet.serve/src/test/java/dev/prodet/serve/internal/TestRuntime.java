package dev.prodet.serve.internal;

import dev.prodet.serve.internal.api.ModelAccess;
import dev.prodet.serve.internal.detect.DetectService;
import dev.prodet.serve.internal.detect.FaceStages;
import dev.prodet.serve.internal.image.ImageDecoder;
import dev.prodet.serve.internal.image.ImageLimits;
import dev.prodet.serve.internal.load.MemoryBudget;
import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.repo.RepositoryEvents;
import dev.prodet.serve.internal.video.VideoDecoder;
import dev.prodet.serve.internal.video.VideoLimits;
import java.nio.file.Path;
import java.util.Map;

/** Real repositories (ONNX Runtime loader) for tests outside the OSGi framework. */
public final class TestRuntime {
    private TestRuntime() {}

    /** Settings with defaults and the given overrides (keys as in the configuration). */
    public static ServeSettings settings(Path repo, Map<String, Object> overrides) {
        return ServeSettings.from(k -> k.equals("models") ? repo.toString() : overrides.get(k), k -> null);
    }

    /** The detect pipeline over a repository, with a face stage the test controls (none when it holds null). */
    public static DetectService detect(ModelRepository repo, FaceStages faces, int maxFaces) {
        ImageLimits limits = new ImageLimits(4096, 1 << 24);
        return new DetectService(
                new ModelAccess(repo, ""),
                new ImageDecoder(limits),
                new VideoDecoder(new VideoLimits(8, 32, 60, 3840L * 2160), limits),
                new MemoryBudget(1L << 30, 1),
                faces,
                new DetectService.Limits(maxFaces, 30_000, 200, 1),
                (s, n) -> {});
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
