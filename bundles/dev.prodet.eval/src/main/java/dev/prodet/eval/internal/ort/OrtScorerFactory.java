package dev.prodet.eval.internal.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.Scorer;
import dev.prodet.api.model.ScorerFactory;
import dev.prodet.api.model.TensorSpec;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * Opens model packages for evaluation. The package is verified (checksum) as the edge runtime does. For the 2-D
 * feature map the pooled input of the final classifier ({@value #FEATURES}, the tensor the DJL checkpoint scorer
 * reads) is added as an extra output when the package's {@code network.json} names it, or a {@code features}
 * output is used when the package declares one.
 */
@Component(
        service = ScorerFactory.class,
        property = {
            "prodet.scorer.name=onnx",
            "prodet.scorer.version=1.0.0",
            "prodet.scorer.description=model packages (model.onnx + model.json) run by ONNX Runtime",
            "service.ranking:Integer=0"
        })
public final class OrtScorerFactory implements ScorerFactory {
    /** The tensor that holds the features: globally pooled, flattened input of the final classifier C_f. */
    static final String FEATURES = "head.cls.flat";

    private static final String FEATURES_OUTPUT = "features";

    private final int intraOpThreads;

    /** The plugin: ONNX Runtime picks its intra-op thread count (one per physical core). */
    public OrtScorerFactory() {
        this(0);
    }

    /**
     * @param intraOpThreads threads per inference call, or 0 for ONNX Runtime's default; a host that runs several
     *     scorers side by side (one per Spark task slot) gives each 1 so they do not compete for cores
     */
    public OrtScorerFactory(int intraOpThreads) {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0, got " + intraOpThreads);
        }
        this.intraOpThreads = intraOpThreads;
    }

    @Override
    public boolean accepts(Path source) {
        return Files.isRegularFile(source.resolve(ModelPackage.MODEL_FILE))
                && Files.isRegularFile(source.resolve(ModelPackage.METADATA_FILE));
    }

    @Override
    public Scorer open(Path source) throws IOException {
        ModelPackage pkg;
        byte[] model;
        try {
            pkg = ModelPackage.open(source);
            model = pkg.readModel();
        } catch (ModelPackageException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (pkg.metadata().outputs().stream().noneMatch(o -> o.name().equals(OrtScorer.P_FAKE))) {
            throw new IOException(pkg.metadataFile() + " declares no " + OrtScorer.P_FAKE + " output; outputs: "
                    + pkg.metadata().outputs().stream().map(TensorSpec::name).toList());
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        if (pkg.metadata().outputs().stream().anyMatch(o -> o.name().equals(FEATURES_OUTPUT))) {
            return new OrtScorer(env, session(env, model, pkg, intraOpThreads), pkg, FEATURES_OUTPUT, null);
        }
        String why = featureTensorAbsence(pkg.dir());
        if (why == null) {
            try {
                return new OrtScorer(
                        env,
                        session(env, OnnxOutputs.withOutput(model, FEATURES), pkg, intraOpThreads),
                        pkg,
                        FEATURES,
                        null);
            } catch (IOException e) {
                why = "ONNX Runtime refused " + FEATURES + " as an extra output (" + e.getMessage() + ")";
            }
        }
        return new OrtScorer(env, session(env, model, pkg, intraOpThreads), pkg, null, why);
    }

    /** Null when network.json names the feature tensor, else why the features cannot be read. */
    private static String featureTensorAbsence(Path dir) {
        Path json = dir.resolve("network.json");
        if (!Files.isRegularFile(json)) {
            return "it has no network.json naming the feature tensor " + FEATURES + " and no '" + FEATURES_OUTPUT
                    + "' output";
        }
        try {
            Network net = NetworkJson.read(Files.readString(json));
            net.node(FEATURES);
            return null;
        } catch (IOException | RuntimeException e) {
            return json + " does not describe " + FEATURES + " (" + e.getMessage() + ")";
        }
    }

    private static OrtSession session(OrtEnvironment env, byte[] model, ModelPackage pkg, int threads)
            throws IOException {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (threads > 0) {
                so.setIntraOpNumThreads(threads);
            }
            return env.createSession(model, so);
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime cannot load " + pkg.modelFile() + ": " + e.getMessage(), e);
        }
    }
}
