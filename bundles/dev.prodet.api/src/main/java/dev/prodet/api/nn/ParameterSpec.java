package dev.prodet.api.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A named parameter of a node. {@code fanIn} is what the default initialisation scales by (PyTorch's
 * kaiming-uniform with a = √5, i.e. U(−1/√fanIn, 1/√fanIn), for weights and biases).
 *
 * @param name {@code <node>.<role>}, e.g. {@code stem.conv.weight}
 * @param shape the parameter's shape
 * @param role what the parameter is for; decides initialisation and whether it is trained
 * @param fanIn fan-in for initialisation (unused for batch-norm roles)
 */
public record ParameterSpec(String name, long[] shape, Role role, long fanIn) {

    /** Parameter roles. Running statistics are state, not trained. */
    public enum Role {
        WEIGHT,
        BIAS,
        GAMMA,
        BETA,
        RUNNING_MEAN,
        RUNNING_VAR;

        /** Whether gradients flow into the parameter. */
        public boolean trainable() {
            return this != RUNNING_MEAN && this != RUNNING_VAR;
        }
    }

    public ParameterSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of scalars. */
    public long size() {
        return TensorShape.elements(shape);
    }

    /** The parameters a node owns, in a fixed order. */
    public static List<ParameterSpec> of(Node node) {
        String n = node.name();
        List<ParameterSpec> out = new ArrayList<>();
        Op op = node.op();
        if (op instanceof Op.Conv2d c) {
            long fanIn = (long) (c.inChannels() / c.groups()) * c.kernelH() * c.kernelW();
            out.add(new ParameterSpec(
                    n + ".weight",
                    new long[] {c.outChannels(), c.inChannels() / c.groups(), c.kernelH(), c.kernelW()},
                    Role.WEIGHT,
                    fanIn));
            if (c.bias()) {
                out.add(new ParameterSpec(n + ".bias", new long[] {c.outChannels()}, Role.BIAS, fanIn));
            }
        } else if (op instanceof Op.ConvTranspose2d c) {
            // PyTorch computes the fan-in of a transposed conv from weight dim 1 (out channels)
            long fanIn = (long) c.outChannels() * c.kernelH() * c.kernelW();
            out.add(new ParameterSpec(
                    n + ".weight",
                    new long[] {c.inChannels(), c.outChannels(), c.kernelH(), c.kernelW()},
                    Role.WEIGHT,
                    fanIn));
            if (c.bias()) {
                out.add(new ParameterSpec(n + ".bias", new long[] {c.outChannels()}, Role.BIAS, fanIn));
            }
        } else if (op instanceof Op.BatchNorm b) {
            long[] s = {b.channels()};
            out.add(new ParameterSpec(n + ".gamma", s, Role.GAMMA, 0));
            out.add(new ParameterSpec(n + ".beta", s, Role.BETA, 0));
            out.add(new ParameterSpec(n + ".runningMean", s, Role.RUNNING_MEAN, 0));
            out.add(new ParameterSpec(n + ".runningVar", s, Role.RUNNING_VAR, 0));
        } else if (op instanceof Op.Linear l) {
            out.add(new ParameterSpec(
                    n + ".weight", new long[] {l.outFeatures(), l.inFeatures()}, Role.WEIGHT, l.inFeatures()));
            if (l.bias()) {
                out.add(new ParameterSpec(n + ".bias", new long[] {l.outFeatures()}, Role.BIAS, l.inFeatures()));
            }
        }
        return out;
    }
}
