package dev.prodet.api.nn;

import java.util.List;

/**
 * What a backbone states about itself.
 *
 * @param name backbone name, e.g. {@code efficientnet-b4}
 * @param featureChannels channels of the feature map
 * @param featureSize spatial size of the (square) feature map for {@code inputSize}
 * @param inputSize default square input size in pixels
 * @param mean per-channel mean subtracted from pixels scaled to [0,1] (RGB order)
 * @param std per-channel std the centred pixels are divided by
 */
public record BackboneSpec(
        String name, int featureChannels, int featureSize, int inputSize, List<Double> mean, List<Double> std) {
    public BackboneSpec {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException("BackboneSpec " + name + ": mean and std need 3 values (RGB)");
        }
    }

    /** The normalisation ProDet and DeepfakeBench use: (x − 0.5) / 0.5, i.e. pixels to [−1, 1]. */
    public static final List<Double> HALF = List.of(0.5, 0.5, 0.5);
}
