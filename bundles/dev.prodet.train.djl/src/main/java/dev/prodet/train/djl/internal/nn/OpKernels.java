package dev.prodet.train.djl.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.prodet.api.nn.Node;
import dev.prodet.api.nn.Op;
import dev.prodet.api.nn.Padding;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Evaluates one IR node with DJL operators; parameters are looked up by their IR names. */
final class OpKernels {
    private OpKernels() {}

    /** Runs a kernel that draws from libtorch's random generator (see {@link ReplicaState#draw}). */
    interface RandomDraws {
        RandomDraws DIRECT = Supplier::get;

        NDArray draw(Supplier<NDArray> kernel);
    }

    static NDArray apply(
            Node node, List<NDArray> in, Function<String, NDArray> param, boolean training, RandomDraws random) {
        Op op = node.op();
        NDArray x = in.get(0);
        String n = node.name();
        if (op instanceof Op.Conv2d c) {
            NDArray padded = pad(x, c.padding());
            Shape stride = new Shape(c.strideH(), c.strideW());
            Shape symmetric = c.padding().isSymmetric()
                    ? new Shape(c.padding().top(), c.padding().left())
                    : new Shape(0, 0);
            return Conv2d.conv2d(
                            padded,
                            param.apply(n + ".weight"),
                            c.bias() ? param.apply(n + ".bias") : null,
                            stride,
                            symmetric,
                            new Shape(c.dilationH(), c.dilationW()),
                            c.groups())
                    .singletonOrThrow();
        }
        if (op instanceof Op.ConvTranspose2d c) {
            return convTranspose(x, c, param.apply(n + ".weight"), c.bias() ? param.apply(n + ".bias") : null, n);
        }
        if (op instanceof Op.BatchNorm b) {
            // DJL passes (1 - momentum) to PyTorch: the IR keeps PyTorch's convention
            return BatchNorm.batchNorm(
                            x,
                            param.apply(n + ".runningMean"),
                            param.apply(n + ".runningVar"),
                            param.apply(n + ".gamma"),
                            param.apply(n + ".beta"),
                            1,
                            (float) (1 - b.momentum()),
                            (float) b.epsilon(),
                            training)
                    .singletonOrThrow();
        }
        if (op instanceof Op.Activation a) {
            switch (a.kind()) {
                case RELU:
                    return Activation.relu(x);
                case LEAKY_RELU:
                    return Activation.leakyRelu(x, (float) a.alpha());
                case SIGMOID:
                    return Activation.sigmoid(x);
                case SILU:
                    return ScriptedKernels.silu(x);
                case RELU6:
                    return x.clip(0, 6);
                default:
                    throw new IllegalArgumentException("unsupported activation " + a.kind());
            }
        }
        if (op instanceof Op.Pool2d p) {
            Shape k = new Shape(p.kernel(), p.kernel());
            Shape s = new Shape(p.stride(), p.stride());
            Shape pad = new Shape(p.padding(), p.padding());
            return p.max() ? Pool.maxPool2d(x, k, s, pad, false) : Pool.avgPool2d(x, k, s, pad, false, true);
        }
        if (op instanceof Op.GlobalAvgPool) {
            // one kernel each way; the PyTorch engine's mean() reduces one axis per call (two kernels, and a
            // backward that expands twice)
            return JniUtils.adaptiveAvgPool((PtNDArray) x, new Shape(1, 1));
        }
        if (op instanceof Op.Linear) {
            return (((Op.Linear) op).bias()
                            ? Linear.linear(x, param.apply(n + ".weight"), param.apply(n + ".bias"))
                            : Linear.linear(x, param.apply(n + ".weight")))
                    .singletonOrThrow();
        }
        if (op instanceof Op.Add) {
            return x.add(in.get(1));
        }
        if (op instanceof Op.Mul) {
            return x.mul(in.get(1));
        }
        if (op instanceof Op.Concat c) {
            return NDArrays.concat(new NDList(in), c.axis());
        }
        if (op instanceof Op.Flatten) {
            return x.reshape(x.getShape().get(0), -1);
        }
        if (op instanceof Op.Reshape r) {
            long[] dims = new long[r.shape().size() + 1];
            dims[0] = x.getShape().get(0);
            for (int i = 0; i < r.shape().size(); i++) {
                dims[i + 1] = r.shape().get(i);
            }
            return x.reshape(new Shape(dims));
        }
        if (op instanceof Op.Softmax s) {
            return x.softmax(s.axis());
        }
        if (op instanceof Op.Take t) {
            return x.get(new NDIndex().addAllDim(t.axis()).addIndices(t.index()));
        }
        if (op instanceof Op.Dropout d) {
            return training
                    ? random.draw(
                            () -> Dropout.dropout(x, (float) d.rate(), true).singletonOrThrow())
                    : x;
        }
        if (op instanceof Op.DropConnect d) {
            return training ? random.draw(() -> dropConnect(x, d.rate())) : x;
        }
        if (op instanceof Op.GaussianNoise) {
            return random.draw(() -> x.getManager().randomNormal(x.getShape()));
        }
        throw new IllegalArgumentException("no DJL kernel for " + op.getClass().getSimpleName() + " at " + n);
    }

    /**
     * DJL's PyTorch engine has no transposed convolution, so it is rewritten: on a 1×1 input (the ProDet projector)
     * it is a matrix product x[N,C] · W[C, O·kH·kW]; otherwise, for stride 1, a convolution of the input padded by
     * k − 1 − p with the kernel flipped and its in/out axes swapped.
     */
    private static NDArray convTranspose(NDArray x, Op.ConvTranspose2d c, NDArray w, NDArray bias, String n) {
        long batch = x.getShape().get(0);
        NDArray y;
        if (x.getShape().get(2) == 1 && x.getShape().get(3) == 1 && c.padding().equals(Padding.NONE)) {
            NDArray flat = x.reshape(batch, c.inChannels());
            y = flat.matMul(w.reshape(c.inChannels(), -1)).reshape(batch, c.outChannels(), c.kernelH(), c.kernelW());
        } else if (c.strideH() == 1 && c.strideW() == 1) {
            int ph = c.kernelH() - 1 - c.padding().top();
            int pw = c.kernelW() - 1 - c.padding().left();
            NDArray flipped = w.flip(2, 3).transpose(1, 0, 2, 3);
            y = Conv2d.conv2d(x, flipped, null, new Shape(1, 1), new Shape(ph, pw))
                    .singletonOrThrow();
        } else {
            throw new IllegalArgumentException("the DJL lowering supports transposed convolutions with stride 1 only,"
                    + " got stride " + c.strideH() + "x" + c.strideW() + " at " + n);
        }
        return bias == null ? y : y.add(bias.reshape(1, c.outChannels(), 1, 1));
    }

    /** Asymmetric padding is applied to the input; symmetric padding goes to the convolution itself. */
    private static NDArray pad(NDArray x, Padding p) {
        if (p.isSymmetric()) {
            return x;
        }
        // pairs from the last dimension: (left, right, top, bottom)
        return x.pad(new Shape(p.left(), p.right(), p.top(), p.bottom()), 0);
    }

    /**
     * Stochastic depth per sample: keep with probability 1 − rate, scale kept samples by 1 / (1 − rate). The scale is
     * a tensor of the step's manager, never a Java number: DJL's {@code div(Number)} frees the scalar tensor it makes
     * while autograd still holds it for the backward pass, which then reads freed memory (garbage or NaN gradients
     * as soon as a garbage collection runs in between).
     */
    private static NDArray dropConnect(NDArray x, double rate) {
        NDArray keep = x.getManager().create((float) (1 - rate));
        Shape maskShape = new Shape(x.getShape().get(0), 1, 1, 1);
        NDArray mask = x.getManager().randomUniform(0, 1, maskShape).add(keep).floor();
        return x.div(keep).mul(mask);
    }
}
