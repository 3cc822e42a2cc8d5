package dev.prodet.tests.serve.support;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.serve.internal.image.ImageDecoder;
import dev.prodet.serve.internal.image.ImageLimits;
import java.nio.FloatBuffer;
import java.util.Map;

/** What plain ONNX Runtime in the test JVM says about a package: the reference the served answers must match. */
public final class Reference implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final ModelPackage pkg;

    /** Opens a session on the package's model file. */
    public Reference(ModelPackage pkg) throws Exception {
        this.pkg = pkg;
        this.session = env.createSession(pkg.modelFile().toString());
    }

    /** p_fake of an encoded aligned crop, prepared as training prepares crops (InputTensors). */
    public float pFake(byte[] encodedCrop) throws Exception {
        RgbImage img = new ImageDecoder(new ImageLimits(8192, 1 << 26)).decode(encodedCrop);
        float[] x = new float[InputTensors.size(pkg.metadata().preprocessing())];
        InputTensors.fill(img, pkg.metadata().preprocessing(), x, 0);
        int s = pkg.metadata().preprocessing().inputSize();
        return output(x, new long[] {1, 3, s, s}, "p_fake")[0];
    }

    /** One output for a raw input tensor. */
    public float[] output(float[] x, long[] shape, String name) throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
                OrtSession.Result r = session.run(Map.of("image", t))) {
            Object v = r.get(name).orElseThrow().getValue();
            if (v instanceof float[] f) {
                return f;
            }
            float[][] m = (float[][]) v;
            float[] flat = new float[m.length * m[0].length];
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(m[i], 0, flat, i * m[0].length, m[0].length);
            }
            return flat;
        }
    }

    @Override
    public void close() throws Exception {
        session.close();
    }
}
