package dev.prodet.serve.internal.repo;

import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.serve.internal.FakeModel;
import dev.prodet.serve.internal.infer.DirectRunner;
import dev.prodet.serve.internal.infer.InferenceModel;
import dev.prodet.serve.internal.infer.Runner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Loads {@link FakeModel}s; a model.onnx whose bytes start with "BAD" fails like an engine error. */
final class FakeLoader implements VersionLoader {
    final List<String> loads = new CopyOnWriteArrayList<>();
    final Map<String, FakeModel> models = new ConcurrentHashMap<>();

    @Override
    public InferenceModel load(ModelPackage pkg) throws ModelPackageException {
        String key = pkg.metadata().name() + "/" + pkg.metadata().version();
        loads.add(key);
        String content = new String(pkg.readModel(), StandardCharsets.UTF_8);
        if (content.startsWith("BAD")) {
            throw new ModelPackageException("engine cannot load " + pkg.modelFile() + ": " + content, pkg.modelFile());
        }
        FakeModel m = new FakeModel(pkg.metadata());
        models.put(key, m);
        return m;
    }

    @Override
    public Runner runner(InferenceModel model) {
        return new DirectRunner(model, 4, 10_000, (n, v, b, t) -> {});
    }
}
