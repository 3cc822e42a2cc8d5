package dev.prodet.serve.internal.infer;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.TensorSpec;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime session for one model version. Loading checks the package (checksum of the very bytes given to
 * ONNX Runtime), that the graph has the inputs and outputs {@code model.json} declares, and runs one warm-up item
 * whose outputs must be finite, so a broken version fails here rather than on a request.
 */
public final class OrtModel implements InferenceModel {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelMetadata metadata;
    private final String provider;
    private final String inputName;
    private final long[] itemShape;
    private final Set<String> outputNames;

    private OrtModel(OrtEnvironment env, OrtSession session, ModelMetadata md, String provider, long[] itemShape) {
        this.env = env;
        this.session = session;
        this.metadata = md;
        this.provider = provider;
        this.inputName = md.inputs().get(0).name();
        this.itemShape = itemShape;
        this.outputNames =
                new LinkedHashSet<>(md.outputs().stream().map(TensorSpec::name).toList());
    }

    /**
     * Loads a verified package.
     *
     * @throws ModelPackageException naming the package and what is wrong with it
     */
    public static OrtModel load(ModelPackage pkg, SessionSettings settings) throws ModelPackageException {
        ModelMetadata md = pkg.metadata();
        byte[] bytes = pkg.readModel(); // checksum of exactly these bytes
        OrtEnvironment env = OrtEnvironment.getEnvironment(); // before any SessionOptions (onnxruntime#16435)
        ProviderChoice.Session created = ProviderChoice.create(env, bytes, settings, pkg);
        OrtSession session = created.session();
        try {
            long[] item = checkSignature(session, md, pkg);
            OrtModel m = new OrtModel(env, session, md, created.provider(), item);
            m.warmUp(pkg);
            return m;
        } catch (ModelPackageException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static long[] checkSignature(OrtSession s, ModelMetadata md, ModelPackage pkg)
            throws ModelPackageException {
        try {
            if (md.inputs().size() != 1) {
                throw fail(pkg, "declares " + md.inputs().size() + " inputs; serving supports exactly one");
            }
            TensorSpec in = md.inputs().get(0);
            NodeInfo node = s.getInputInfo().get(in.name());
            if (node == null) {
                throw fail(pkg, "declares input '" + in.name() + "' but the graph's inputs are " + s.getInputNames());
            }
            long[] shape = floatShape(node, pkg, "input");
            int size = md.preprocessing().inputSize();
            long[] expected = {3, size, size};
            if (shape.length != 4 || !Arrays.equals(Arrays.copyOfRange(shape, 1, 4), expected)) {
                throw fail(
                        pkg,
                        "input '" + in.name() + "' has shape " + Arrays.toString(shape) + "; serving needs [N, 3, "
                                + size + ", " + size + "] (preprocessing.inputSize " + size + ")");
            }
            for (TensorSpec out : md.outputs()) {
                NodeInfo o = s.getOutputInfo().get(out.name());
                if (o == null) {
                    throw fail(
                            pkg,
                            "declares output '" + out.name() + "' but the graph's outputs are " + s.getOutputNames());
                }
                floatShape(o, pkg, "output");
            }
            return expected;
        } catch (OrtException e) {
            throw fail(pkg, "cannot be inspected by ONNX Runtime: " + e.getMessage());
        }
    }

    private static long[] floatShape(NodeInfo node, ModelPackage pkg, String what) throws ModelPackageException {
        if (!(node.getInfo() instanceof TensorInfo ti) || ti.type != OnnxJavaType.FLOAT) {
            throw fail(pkg, what + " '" + node.getName() + "' is " + node.getInfo() + "; serving needs float32");
        }
        return ti.getShape();
    }

    private void warmUp(ModelPackage pkg) throws ModelPackageException {
        try {
            for (Map.Entry<String, Tensor> e : run(new float[itemSize()], 1).entrySet()) {
                for (float v : e.getValue().data()) {
                    if (!Float.isFinite(v)) {
                        throw fail(pkg, "gives a non-finite " + e.getKey() + " on a zero input");
                    }
                }
            }
        } catch (InferenceException e) {
            throw fail(pkg, "fails its warm-up run: " + e.getMessage());
        }
    }

    static ModelPackageException fail(ModelPackage pkg, String what) {
        return new ModelPackageException(
                "model " + pkg.metadata().name() + " version " + pkg.metadata().version() + " (" + pkg.modelFile()
                        + ") " + what,
                pkg.modelFile());
    }

    @Override
    public Map<String, Tensor> run(float[] input, int count) throws InferenceException {
        long[] shape = new long[itemShape.length + 1];
        shape[0] = count;
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        if (input.length != (long) count * itemSize()) {
            throw new IllegalArgumentException(
                    "batch of " + count + " needs " + (long) count * itemSize() + " floats, got " + input.length);
        }
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result r = session.run(Map.of(inputName, x), outputNames)) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (String name : outputNames) {
                OnnxTensor t = (OnnxTensor) r.get(name).orElseThrow();
                FloatBuffer fb = t.getFloatBuffer();
                float[] data = new float[fb.remaining()];
                fb.get(data);
                out.put(name, new Tensor(t.getInfo().getShape(), data));
            }
            return out;
        } catch (OrtException | RuntimeException e) {
            throw new InferenceException(
                    InferenceException.Kind.FAILED,
                    "ONNX Runtime failed to run model " + metadata.name() + " version " + metadata.version() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public ModelMetadata metadata() {
        return metadata;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public long[] itemShape() {
        return itemShape.clone();
    }

    /** Output names in metadata order. */
    public List<String> outputNames() {
        return List.copyOf(outputNames);
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            // nothing to do: the session is gone either way
        }
    }
}
