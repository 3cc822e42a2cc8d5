package dev.prodet.serve.internal;

import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.TensorSpec;
import dev.prodet.serve.internal.detect.Fakeness;
import dev.prodet.serve.internal.infer.BatchingRunner;
import dev.prodet.serve.internal.infer.DirectRunner;
import dev.prodet.serve.internal.infer.InferenceModel;
import dev.prodet.serve.internal.infer.OrtModel;
import dev.prodet.serve.internal.infer.Runner;
import dev.prodet.serve.internal.repo.VersionLoader;

/** Loads packages into ONNX Runtime and puts a batching or direct runner in front, as the settings say. */
final class OrtVersionLoader implements VersionLoader {
    private final ServeSettings settings;
    private final Runner.Listener listener;

    OrtVersionLoader(ServeSettings settings, Runner.Listener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public InferenceModel load(ModelPackage pkg) throws ModelPackageException {
        if (!Fakeness.scorable(
                pkg.metadata().outputs().stream().map(TensorSpec::name).toList())) {
            throw new ModelPackageException(
                    pkg.metadataFile() + " declares no " + Fakeness.P_FAKE + " or " + Fakeness.LOGITS
                            + " output; a detector needs one",
                    pkg.metadataFile());
        }
        return OrtModel.load(pkg, settings.session());
    }

    @Override
    public Runner runner(InferenceModel model) {
        // batching splits outputs by rows, so every output must have the batch as its first dimension
        boolean batchable = model.metadata().outputs().stream()
                .allMatch(o -> !o.shape().isEmpty() && o.shape().get(0) == -1);
        if (settings.batching() && settings.maxBatchSize() > 1 && batchable) {
            return new BatchingRunner(
                    model,
                    settings.maxBatchSize(),
                    settings.maxBatchDelayMicros(),
                    settings.maxQueue(),
                    settings.load().requestTimeoutMillis(),
                    listener);
        }
        return new DirectRunner(
                model,
                Math.max(1, settings.maxConcurrentRuns()),
                settings.load().requestTimeoutMillis(),
                listener);
    }
}
