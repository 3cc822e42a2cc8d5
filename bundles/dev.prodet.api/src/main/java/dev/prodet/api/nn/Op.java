package dev.prodet.api.nn;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One primitive operation of the network description. Operations are values: the node that applies one names its
 * inputs and owns its parameters ({@code <node>.weight}, {@code <node>.bias}, ...; see {@link ParameterSpec}).
 * Tensors are NCHW.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Op.Conv2d.class, name = "conv2d"),
    @JsonSubTypes.Type(value = Op.ConvTranspose2d.class, name = "convTranspose2d"),
    @JsonSubTypes.Type(value = Op.BatchNorm.class, name = "batchNorm"),
    @JsonSubTypes.Type(value = Op.Activation.class, name = "activation"),
    @JsonSubTypes.Type(value = Op.Pool2d.class, name = "pool2d"),
    @JsonSubTypes.Type(value = Op.GlobalAvgPool.class, name = "globalAvgPool"),
    @JsonSubTypes.Type(value = Op.Linear.class, name = "linear"),
    @JsonSubTypes.Type(value = Op.Add.class, name = "add"),
    @JsonSubTypes.Type(value = Op.Mul.class, name = "mul"),
    @JsonSubTypes.Type(value = Op.Concat.class, name = "concat"),
    @JsonSubTypes.Type(value = Op.Flatten.class, name = "flatten"),
    @JsonSubTypes.Type(value = Op.Reshape.class, name = "reshape"),
    @JsonSubTypes.Type(value = Op.Softmax.class, name = "softmax"),
    @JsonSubTypes.Type(value = Op.Take.class, name = "take"),
    @JsonSubTypes.Type(value = Op.Dropout.class, name = "dropout"),
    @JsonSubTypes.Type(value = Op.DropConnect.class, name = "dropConnect"),
    @JsonSubTypes.Type(value = Op.GaussianNoise.class, name = "gaussianNoise")
})
public sealed interface Op {

    /** Number of inputs the operation takes; {@code -1} for any number ≥ 2. Most operations take one. */
    default int arity() {
        return 1;
    }

    /** Whether the operation only acts in training (identity, or absent, in inference). */
    default boolean trainingOnly() {
        return false;
    }

    /** 2-D convolution with explicit padding (resolve "same" padding with {@link Padding#staticSame}). */
    record Conv2d(
            int inChannels,
            int outChannels,
            int kernelH,
            int kernelW,
            int strideH,
            int strideW,
            int dilationH,
            int dilationW,
            int groups,
            Padding padding,
            boolean bias)
            implements Op {
        public Conv2d {
            Checks.convolution("Conv2d", inChannels, outChannels, kernelH, kernelW, strideH, strideW, padding);
            Checks.positive("Conv2d", "dilationH", dilationH, "dilationW", dilationW, "groups", groups);
            if (inChannels % groups != 0 || outChannels % groups != 0) {
                throw new IllegalArgumentException("Conv2d: groups " + groups + " must divide inChannels " + inChannels
                        + " and outChannels " + outChannels);
            }
        }
    }

    /** 2-D transposed convolution; weight shape is {@code [in, out/groups, kH, kW]} as in PyTorch. */
    record ConvTranspose2d(
            int inChannels,
            int outChannels,
            int kernelH,
            int kernelW,
            int strideH,
            int strideW,
            Padding padding,
            boolean bias)
            implements Op {
        public ConvTranspose2d {
            Checks.convolution("ConvTranspose2d", inChannels, outChannels, kernelH, kernelW, strideH, strideW, padding);
            if (padding.top() != padding.bottom() || padding.left() != padding.right()) {
                throw new IllegalArgumentException("ConvTranspose2d: padding must be symmetric, got " + padding);
            }
        }
    }

    /**
     * Batch normalisation over channels. {@code momentum} uses the PyTorch convention: the weight of the new batch
     * statistic in the running average (0.1 default; EfficientNet uses 0.01).
     */
    record BatchNorm(int channels, double epsilon, double momentum) implements Op {
        public BatchNorm {
            Checks.positive("BatchNorm", "channels", channels);
            if (!(epsilon > 0) || !(momentum > 0 && momentum < 1)) {
                throw new IllegalArgumentException(
                        "BatchNorm: epsilon must be > 0 and momentum in (0,1), got " + epsilon + ", " + momentum);
            }
        }
    }

    /** Element-wise activation functions. */
    enum ActivationKind {
        RELU,
        LEAKY_RELU,
        SILU,
        SIGMOID,
        /** min(max(x, 0), 6): MobileNetV2's activation (Keras {@code ReLU(max_value=6)}, PyTorch {@code ReLU6}). */
        RELU6
    }

    /** Element-wise activation; {@code alpha} is the negative slope of LEAKY_RELU (ignored otherwise). */
    record Activation(ActivationKind kind, double alpha) implements Op {
        public Activation {
            Checks.notNull("Activation", "kind", kind);
        }
    }

    /** Max or average pooling; average pooling counts padded zeros, as PyTorch does by default. */
    record Pool2d(boolean max, int kernel, int stride, int padding) implements Op {
        public Pool2d {
            Checks.positive("Pool2d", "kernel", kernel, "stride", stride);
            if (padding < 0 || padding > kernel / 2) {
                throw new IllegalArgumentException("Pool2d: padding must be in [0, kernel/2], got " + padding);
            }
        }
    }

    /** Global average pooling to {@code [N, C, 1, 1]}. */
    record GlobalAvgPool() implements Op {}

    /** Fully connected layer over {@code [N, in]}; weight shape {@code [out, in]}. */
    record Linear(int inFeatures, int outFeatures, boolean bias) implements Op {
        public Linear {
            Checks.positive("Linear", "inFeatures", inFeatures, "outFeatures", outFeatures);
        }
    }

    /** Element-wise sum of two tensors with broadcasting. */
    record Add() implements Op {
        @Override
        public int arity() {
            return 2;
        }
    }

    /** Element-wise product of two tensors with broadcasting. */
    record Mul() implements Op {
        @Override
        public int arity() {
            return 2;
        }
    }

    /** Concatenation along an axis. */
    record Concat(int axis) implements Op {
        @Override
        public int arity() {
            return -1;
        }
    }

    /** {@code [N, ...]} to {@code [N, prod(...)]}. */
    record Flatten() implements Op {}

    /** Reshape keeping the batch dimension: {@code [N, ...] -> [N, shape...]}. */
    record Reshape(List<Long> shape) implements Op {
        public Reshape {
            Checks.notNull("Reshape", "shape", shape);
            shape = List.copyOf(shape);
        }
    }

    /** Softmax along an axis. */
    record Softmax(int axis) implements Op {}

    /** Selects one index along an axis and drops that axis ({@code [N, 2] -> [N]} for axis 1). */
    record Take(int axis, int index) implements Op {}

    /** An operation that only acts in training: identity, or absent, in inference. */
    sealed interface TrainingOnly extends Op {
        @Override
        default boolean trainingOnly() {
            return true;
        }
    }

    /** Dropout with probability {@code rate}; identity in inference. */
    record Dropout(double rate) implements TrainingOnly {
        public Dropout {
            Checks.probability("Dropout", rate);
        }
    }

    /** Drop-connect (stochastic depth): drops whole samples with probability {@code rate}; identity in inference. */
    record DropConnect(double rate) implements TrainingOnly {
        public DropConnect {
            Checks.probability("DropConnect", rate);
        }
    }

    /** Fresh standard-normal noise shaped like its input (the input's values are ignored); training only. */
    record GaussianNoise() implements TrainingOnly {}
}
