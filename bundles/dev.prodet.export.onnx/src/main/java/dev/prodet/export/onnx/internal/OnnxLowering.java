package dev.prodet.export.onnx.internal;

import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.Node;
import dev.prodet.api.nn.Op;
import dev.prodet.api.nn.Padding;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.api.nn.TensorShape;
import dev.prodet.export.onnx.internal.proto.OnnxGraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a network description plus parameter values to ONNX (opset {@value #OPSET}, dynamic batch). Only the nodes
 * the declared outputs need in inference are emitted: training-only nodes (transition blocks, noise) are left out,
 * dropout and drop-connect become identities, batch norm uses its running statistics. Tensor names are the IR's
 * node names; graph inputs and outputs keep the IR's input and output names.
 */
public final class OnnxLowering {
    public static final int OPSET = 17;

    private final Network network;
    private final Map<String, float[]> params;
    private final OnnxGraph graph;
    /** Where identities were folded away: IR tensor name → ONNX tensor that holds its value. */
    private final Map<String, String> alias = new HashMap<>();

    private OnnxLowering(Network network, Map<String, float[]> params) {
        this.network = network;
        this.params = params;
        this.graph = new OnnxGraph(network.name());
    }

    /** The ONNX model bytes; {@code metadata} goes into the model's metadata properties. */
    public static byte[] lower(
            Network network, Map<String, float[]> params, String producerVersion, Map<String, String> metadata) {
        OnnxLowering l = new OnnxLowering(network, params);
        l.emit();
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimateSize(network));
        try {
            l.graph.writeModel(out, OPSET, producerVersion, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int estimateSize(Network network) {
        return (int) Math.min(Integer.MAX_VALUE - 16, network.parameterCount() * 4 + (1 << 20));
    }

    private void emit() {
        network.inputs().forEach((name, shape) -> graph.input(name, OnnxGraph.FLOAT, shape.dims()));
        List<Node> plan = network.plan(
                network.inputs().keySet(), List.copyOf(network.outputs().values()), true);
        for (Node n : plan) {
            for (ParameterSpec p : ParameterSpec.of(n)) {
                float[] v = params.get(p.name());
                if (v == null || v.length != p.size()) {
                    throw new IllegalArgumentException("no value of size " + p.size() + " for parameter " + p.name());
                }
                graph.initializer(p.name(), p.shape(), v);
            }
            emit(n);
        }
        for (Map.Entry<String, String> o : network.outputs().entrySet()) {
            graph.node("Identity", new String[] {t(o.getValue())}, new String[] {o.getKey()}, Map.of());
            TensorShape s = network.shapeOf(o.getValue());
            graph.output(o.getKey(), OnnxGraph.FLOAT, s.dims());
        }
    }

    private void emit(Node node) {
        Op op = node.op();
        String n = node.name();
        String[] in = node.inputs().stream().map(this::t).toArray(String[]::new);
        String[] out = {n};
        if (op instanceof Op.Conv2d c) {
            Map<String, Object> attrs = window(c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), pads(c.padding()));
            attrs.put("dilations", ints(c.dilationH(), c.dilationW()));
            attrs.put("group", c.groups());
            graph.node("Conv", withParams(in, n, c.bias()), out, attrs);
        } else if (op instanceof Op.ConvTranspose2d c) {
            Map<String, Object> attrs = window(c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), pads(c.padding()));
            graph.node("ConvTranspose", withParams(in, n, c.bias()), out, attrs);
        } else if (op instanceof Op.BatchNorm b) {
            graph.node(
                    "BatchNormalization",
                    new String[] {in[0], n + ".gamma", n + ".beta", n + ".runningMean", n + ".runningVar"},
                    out,
                    attrs("epsilon", (float) b.epsilon()));
        } else if (op instanceof Op.Activation a) {
            activation(a, in[0], n);
        } else if (op instanceof Op.Pool2d p) {
            int q = p.padding();
            Map<String, Object> attrs = window(p.kernel(), p.kernel(), p.stride(), p.stride(), ints(q, q, q, q));
            if (!p.max()) {
                attrs.put("count_include_pad", 1); // PyTorch's default
            }
            graph.node(p.max() ? "MaxPool" : "AveragePool", in, out, attrs);
        } else if (op instanceof Op.GlobalAvgPool) {
            graph.node("GlobalAveragePool", in, out, Map.of());
        } else if (op instanceof Op.Linear l) {
            graph.node("Gemm", withParams(in, n, l.bias()), out, attrs("transB", 1));
        } else if (op instanceof Op.Add) {
            graph.node("Add", in, out, Map.of());
        } else if (op instanceof Op.Mul) {
            graph.node("Mul", in, out, Map.of());
        } else if (op instanceof Op.Concat c) {
            graph.node("Concat", in, out, attrs("axis", c.axis()));
        } else if (op instanceof Op.Flatten) {
            graph.node("Flatten", in, out, attrs("axis", 1));
        } else if (op instanceof Op.Reshape r) {
            long[] shape = new long[r.shape().size() + 1]; // 0 copies the (dynamic) batch dimension
            for (int i = 0; i < r.shape().size(); i++) {
                shape[i + 1] = r.shape().get(i);
            }
            graph.initializerInt64(n + ".shape", new long[] {shape.length}, shape);
            graph.node("Reshape", new String[] {in[0], n + ".shape"}, out, Map.of());
        } else if (op instanceof Op.Softmax s) {
            graph.node("Softmax", in, out, attrs("axis", s.axis()));
        } else if (op instanceof Op.Take tk) {
            graph.initializerInt64(n + ".index", new long[0], new long[] {tk.index()});
            graph.node("Gather", new String[] {in[0], n + ".index"}, out, attrs("axis", tk.axis()));
        } else if (op instanceof Op.Dropout || op instanceof Op.DropConnect) {
            alias.put(n, in[0]); // identity in inference
        } else {
            throw new IllegalArgumentException(
                    "no ONNX lowering for " + op.getClass().getSimpleName() + " at " + n);
        }
    }

    private void activation(Op.Activation a, String in, String n) {
        switch (a.kind()) {
            case RELU -> graph.node("Relu", new String[] {in}, new String[] {n}, Map.of());
            case LEAKY_RELU ->
                graph.node("LeakyRelu", new String[] {in}, new String[] {n}, attrs("alpha", (float) a.alpha()));
            case SIGMOID -> graph.node("Sigmoid", new String[] {in}, new String[] {n}, Map.of());
            case RELU6 -> {
                // Clip takes its bounds as inputs since opset 11
                graph.initializer(n + ".min", new long[0], new float[] {0f});
                graph.initializer(n + ".max", new long[0], new float[] {6f});
                graph.node("Clip", new String[] {in, n + ".min", n + ".max"}, new String[] {n}, Map.of());
            }
            case SILU -> {
                graph.node("Sigmoid", new String[] {in}, new String[] {n + "/sigmoid"}, Map.of());
                graph.node("Mul", new String[] {in, n + "/sigmoid"}, new String[] {n}, Map.of());
            }
            default -> throw new IllegalArgumentException("no ONNX lowering for activation " + a.kind());
        }
    }

    private String t(String irName) {
        String a = alias.get(irName);
        return a == null ? irName : a;
    }

    private static String[] withParams(String[] in, String node, boolean bias) {
        return bias ? new String[] {in[0], node + ".weight", node + ".bias"} : new String[] {in[0], node + ".weight"};
    }

    /** The attributes of every convolution and pooling node; more may be added to the returned map. */
    private static Map<String, Object> window(int kernelH, int kernelW, int strideH, int strideW, long[] pads) {
        return attrs("kernel_shape", ints(kernelH, kernelW), "strides", ints(strideH, strideW), "pads", pads);
    }

    /** ONNX order: begins of the spatial axes, then their ends. */
    private static long[] pads(Padding p) {
        return ints(p.top(), p.left(), p.bottom(), p.right());
    }

    private static long[] ints(long... v) {
        return v;
    }

    private static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
