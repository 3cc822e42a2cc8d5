package dev.prodet.api.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Network}, inferring every node's output shape as it goes (so a wrong channel count fails here,
 * naming the node, not later inside an engine). Methods return the name of the node they add, to be used as the
 * next node's input. {@link #scope(String)} prefixes names hierarchically; {@link #trainingOnly(boolean)} marks the
 * nodes added while it is set.
 */
public final class NetworkBuilder {
    private final String name;
    private final Map<String, TensorShape> inputs = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, TensorShape> shapes = new LinkedHashMap<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final List<String> scopes = new ArrayList<>();
    private boolean trainingOnly;

    public NetworkBuilder(String name) {
        this.name = name;
    }

    /** Declares a graph input of shape {@code [N, dims...]}. */
    public String input(String inputName, long... dims) {
        long[] full = new long[dims.length + 1];
        full[0] = TensorShape.DYNAMIC;
        System.arraycopy(dims, 0, full, 1, dims.length);
        TensorShape s = TensorShape.of(full);
        inputs.put(inputName, s);
        shapes.put(inputName, s);
        return inputName;
    }

    /** Enters a naming scope; names added until {@link #end()} get {@code scope.} in front. */
    public NetworkBuilder scope(String scope) {
        scopes.add(scope);
        return this;
    }

    /** Leaves the innermost scope. */
    public NetworkBuilder end() {
        scopes.remove(scopes.size() - 1);
        return this;
    }

    /** Marks the nodes added from now on as training-only (or not). */
    public NetworkBuilder trainingOnly(boolean on) {
        this.trainingOnly = on;
        return this;
    }

    /** Shape of a tensor already in the graph. */
    public TensorShape shape(String tensor) {
        TensorShape s = shapes.get(tensor);
        if (s == null) {
            throw new IllegalArgumentException("network " + name + ": unknown tensor " + tensor);
        }
        return s;
    }

    /** Channels (dimension 1) of a tensor. */
    public int channels(String tensor) {
        return (int) shape(tensor).dims()[1];
    }

    /** Adds a node applying {@code op} to {@code in}; returns its (scoped) name. */
    public String add(String local, Op op, String... in) {
        String full = scoped(local);
        TensorShape[] inShapes = new TensorShape[in.length];
        for (int i = 0; i < in.length; i++) {
            inShapes[i] = shape(in[i]);
        }
        TensorShape out;
        try {
            out = ShapeInference.infer(op, inShapes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("network " + name + ", node " + full + ": " + e.getMessage(), e);
        }
        if (shapes.containsKey(full)) {
            throw new IllegalArgumentException("network " + name + ": duplicate node name " + full);
        }
        nodes.add(new Node(full, op, List.of(in), out, trainingOnly));
        shapes.put(full, out);
        return full;
    }

    /** Names a tensor as a graph output. */
    public NetworkBuilder output(String outputName, String tensor) {
        shape(tensor);
        outputs.put(outputName, tensor);
        return this;
    }

    public Network build() {
        return new Network(name, inputs, nodes, outputs);
    }

    // ---- convenience for the common operations ----

    /** Convolution with explicit padding, stride and groups; no dilation. */
    public String conv(String local, String in, int out, int k, int stride, Padding pad, int groups, boolean bias) {
        return add(local, new Op.Conv2d(channels(in), out, k, k, stride, stride, 1, 1, groups, pad, bias), in);
    }

    public String batchNorm(String local, String in, double eps, double momentum) {
        return add(local, new Op.BatchNorm(channels(in), eps, momentum), in);
    }

    public String relu(String local, String in) {
        return add(local, new Op.Activation(Op.ActivationKind.RELU, 0), in);
    }

    /** min(max(x, 0), 6). */
    public String relu6(String local, String in) {
        return add(local, new Op.Activation(Op.ActivationKind.RELU6, 0), in);
    }

    public String leakyRelu(String local, String in, double alpha) {
        return add(local, new Op.Activation(Op.ActivationKind.LEAKY_RELU, alpha), in);
    }

    public String silu(String local, String in) {
        return add(local, new Op.Activation(Op.ActivationKind.SILU, 0), in);
    }

    public String sigmoid(String local, String in) {
        return add(local, new Op.Activation(Op.ActivationKind.SIGMOID, 0), in);
    }

    public String linear(String local, String in, int out) {
        return add(local, new Op.Linear((int) shape(in).dims()[1], out, true), in);
    }

    public String globalAvgPool(String local, String in) {
        return add(local, new Op.GlobalAvgPool(), in);
    }

    public String flatten(String local, String in) {
        return add(local, new Op.Flatten(), in);
    }

    private String scoped(String local) {
        if (scopes.isEmpty()) {
            return local;
        }
        return String.join(".", scopes) + "." + local;
    }
}
