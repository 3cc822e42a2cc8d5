package dev.prodet.train.djl.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.Node;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.api.nn.TensorShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole {@link Network} as one DJL block. Its parameters carry the IR's names ({@code backbone.stem.weight},
 * ...), start from the given initial values (see {@link dev.prodet.api.nn.ParameterInit}) and can be read back by
 * name for export. {@link #forward} maps the graph inputs to the graph outputs in declaration order;
 * {@link #run} evaluates any tensors from any given ones, which strategies use to feed mixed features to the head.
 */
public final class GraphBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Network network;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();
    private Map<String, float[]> initial; // until initialised
    private final TrainableBuffer trainable;
    private final Set<String> statistics; // batch-norm running statistics: updated in place when training

    public GraphBlock(Network network, Map<String, float[]> initial) {
        super(VERSION);
        this.network = network;
        this.initial = initial;
        this.trainable = new TrainableBuffer(
                network.parameters().stream().filter(p -> p.role().trainable()).toList());
        this.statistics = network.parameters().stream()
                .filter(p -> p.role() == ParameterSpec.Role.RUNNING_MEAN || p.role() == ParameterSpec.Role.RUNNING_VAR)
                .map(ParameterSpec::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (ParameterSpec spec : network.parameters()) {
            float[] values = initial.get(spec.name());
            if (values == null || values.length != spec.size()) {
                throw new IllegalArgumentException(
                        "no initial value of size " + spec.size() + " for parameter " + spec.name());
            }
            Shape shape = new Shape(spec.shape());
            Parameter p = Parameter.builder()
                    .setName(spec.name())
                    .setType(type(spec.role()))
                    .optShape(shape)
                    .optRequiresGrad(spec.role().trainable())
                    .optInitializer(
                            spec.role().trainable()
                                    ? (manager, sh, type) -> trainable.view(trainable.indexOf(spec.name()), sh)
                                    : fixed(values))
                    .build();
            byName.put(spec.name(), addParameter(p));
        }
    }

    public Network network() {
        return network;
    }

    /** The DJL parameter of an IR parameter name. */
    public Parameter parameter(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("network " + network.name() + " has no parameter " + name);
        }
        return p;
    }

    /** All parameters by IR name, in network order. */
    public Map<String, Parameter> parametersByName() {
        return java.util.Collections.unmodifiableMap(byName);
    }

    /** Current values of every parameter (for export and checkpoints), copied to the heap. */
    public Map<String, float[]> values() {
        Map<String, float[]> out = new LinkedHashMap<>();
        byName.forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
        return out;
    }

    /** The trainable parameters as views of one buffer (valid once initialised), for the optimizer. */
    public TrainableBuffer trainable() {
        return trainable;
    }

    /** Frees the parameters' memory (the block is unusable afterwards). */
    public void close() {
        byName.values().forEach(Parameter::close);
        if (trainable.values() != null) {
            trainable.values().close();
        }
    }

    /** Initialises every parameter (fixed initial values) on the manager's device. */
    public void initialize(NDManager manager) {
        if (initial == null) {
            throw new IllegalStateException("network " + network.name() + " is already initialised");
        }
        trainable.allocate(manager, initial);
        List<Shape> shapes = new ArrayList<>();
        for (TensorShape s : network.inputs().values()) {
            long[] d = s.dims().clone();
            d[0] = 1;
            shapes.add(new Shape(d));
        }
        initialize(manager, DataType.FLOAT32, shapes.toArray(Shape[]::new));
        initial = null;
    }

    /** Evaluates {@code wanted} tensors from {@code given} ones (graph inputs or any node outputs). */
    public Map<String, NDArray> run(
            ParameterStore ps, Map<String, NDArray> given, List<String> wanted, boolean training) {
        return run(ps, given, wanted, training, name -> {});
    }

    /**
     * As {@link #run(ParameterStore, Map, List, boolean)}, reporting the name of every parameter read to
     * {@code touched}: only those receive a gradient in this step, and only those may be updated.
     */
    public Map<String, NDArray> run(
            ParameterStore ps,
            Map<String, NDArray> given,
            List<String> wanted,
            boolean training,
            java.util.function.Consumer<String> touched) {
        return run(ps, given, wanted, training, touched, null);
    }

    /**
     * As {@link #run(ParameterStore, Map, List, boolean, java.util.function.Consumer)} for one replica of a
     * data-parallel step: batch norm updates the replica's copies of the running statistics and random kernels draw
     * from the replica's seeds ({@code replica} null: the shared statistics and the generator as it is).
     */
    public Map<String, NDArray> run(
            ParameterStore ps,
            Map<String, NDArray> given,
            List<String> wanted,
            boolean training,
            java.util.function.Consumer<String> touched,
            ReplicaState replica) {
        OpKernels.RandomDraws random = replica == null ? OpKernels.RandomDraws.DIRECT : replica::draw;
        Map<String, NDArray> values = new HashMap<>(given);
        network.inputs().forEach((name, shape) -> {
            NDArray x = values.get(name);
            if (x != null && shape.dims().length == 4) {
                // images in channels-last order: the layout then carries through the whole network
                values.put(name, ScriptedKernels.channelsLast(x));
            }
        });
        NDArray any = given.values().iterator().next();
        for (Node node : network.plan(Set.copyOf(given.keySet()), wanted, !training)) {
            List<NDArray> in = new ArrayList<>(node.inputs().size());
            for (String i : node.inputs()) {
                in.add(values.get(i));
            }
            values.put(
                    node.name(),
                    OpKernels.apply(
                            node,
                            in,
                            name -> {
                                touched.accept(name);
                                NDArray v = ps.getValue(parameter(name), any.getDevice(), training);
                                return replica != null && statistics.contains(name) ? replica.statistic(name, v) : v;
                            },
                            training,
                            random));
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (String w : wanted) {
            out.put(w, values.get(w));
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Map<String, NDArray> given = new LinkedHashMap<>();
        int i = 0;
        for (String name : network.inputs().keySet()) {
            given.put(name, inputs.get(i++));
        }
        List<String> wanted = new ArrayList<>(network.outputs().values());
        Map<String, NDArray> out = run(ps, given, wanted, training);
        return new NDList(out.values());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        List<Shape> out = new ArrayList<>();
        for (String node : network.outputs().values()) {
            long[] d = network.shapeOf(node).dims().clone();
            d[0] = batch;
            out.add(new Shape(d));
        }
        return out.toArray(Shape[]::new);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no child blocks: every parameter is direct
    }

    /** Exhaustive over the roles, so a new role fails the build here instead of at run time. */
    private static Parameter.Type type(ParameterSpec.Role role) {
        return switch (role) {
            case WEIGHT -> Parameter.Type.WEIGHT;
            case BIAS -> Parameter.Type.BIAS;
            case GAMMA -> Parameter.Type.GAMMA;
            case BETA -> Parameter.Type.BETA;
            case RUNNING_MEAN -> Parameter.Type.RUNNING_MEAN;
            case RUNNING_VAR -> Parameter.Type.RUNNING_VAR;
        };
    }

    private static Initializer fixed(float[] values) {
        return (manager, shape, dataType) -> manager.create(values, shape);
    }
}
