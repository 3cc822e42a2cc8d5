package dev.prodet.export.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs an exported model in ONNX Runtime with every graph optimisation on. */
final class OrtReference implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    OrtReference(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(model, so);
        }
    }

    Map<String, float[]> infer(float[] image, long[] shape) throws OrtException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(image), shape);
                OrtSession.Result r = session.run(Map.of("image", x))) {
            for (Map.Entry<String, OnnxValue> e : r) {
                FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] v = new float[fb.remaining()];
                fb.get(v);
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
