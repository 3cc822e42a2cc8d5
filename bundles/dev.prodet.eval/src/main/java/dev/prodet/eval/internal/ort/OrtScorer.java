package dev.prodet.eval.internal.ort;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Scorer;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;

/**
 * A model package in one ONNX Runtime session (all graph optimisations on). {@link #score} reads the
 * {@code p_fake} output; {@link #features} reads the pooled classifier input when the session exposes it (see
 * {@link OrtScorerFactory}). Thread-safe: ORT sessions may be run concurrently.
 */
final class OrtScorer implements Scorer {
    static final String P_FAKE = "p_fake";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelPackage pkg;
    private final String input;
    private final String features;
    private final String featuresAbsent;

    /**
     * @param features name of the output holding the features, or {@code null}
     * @param featuresAbsent why there are no features (for the error message) when {@code features} is null
     */
    OrtScorer(OrtEnvironment env, OrtSession session, ModelPackage pkg, String features, String featuresAbsent) {
        this.env = env;
        this.session = session;
        this.pkg = pkg;
        this.input = pkg.metadata().inputs().get(0).name();
        this.features = features;
        this.featuresAbsent = featuresAbsent;
    }

    @Override
    public Preprocessing preprocessing() {
        return pkg.metadata().preprocessing();
    }

    @Override
    public float[] score(float[] images, int count) {
        return run(images, count, P_FAKE);
    }

    @Override
    public float[] features(float[] images, int count) {
        if (features == null) {
            throw new UnsupportedOperationException(
                    "model package " + pkg.dir() + " exposes no features: " + featuresAbsent);
        }
        return run(images, count, features);
    }

    /** Whether {@link #features} works for this package. */
    boolean hasFeatures() {
        return features != null;
    }

    private float[] run(float[] images, int count, String output) {
        int s = preprocessing().inputSize();
        long per = 3L * s * s;
        if (count <= 0 || images.length < count * per) {
            throw new IllegalArgumentException("need " + count + " images of 3x" + s + "x" + s + " floats ("
                    + count * per + "), got " + images.length + " floats");
        }
        long[] shape = {count, 3, s, s};
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(images, 0, (int) (count * per)), shape);
                OrtSession.Result r = session.run(Map.of(input, x), Set.of(output))) {
            OnnxValue v = r.get(output)
                    .orElseThrow(() -> new IllegalStateException(
                            "ONNX Runtime returned no " + output + " for " + pkg.modelFile()));
            FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
            float[] out = new float[fb.remaining()];
            fb.get(out);
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + pkg.modelFile() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session of " + pkg.modelFile(), e);
        }
    }
}
