package dev.prodet.api.nn;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A backbone plugin (kind {@code backbone}): describes a CNN feature extractor in the network description. The
 * service carries {@code prodet.backbone.name} etc. (see {@link dev.prodet.api.plugin.PluginProperties}).
 */
@ConsumerType
public interface Backbone {

    /** What the backbone produces and expects, for an input of {@code inputSize}×{@code inputSize}. */
    BackboneSpec spec(int inputSize);

    /**
     * Adds the backbone's nodes to {@code b}, reading the image tensor {@code input} ({@code [N,3,size,size]},
     * normalised per {@link BackboneSpec#mean()}/{@link BackboneSpec#std()}), and returns the name of its feature
     * map {@code [N, featureChannels, featureSize, featureSize]}.
     */
    String build(NetworkBuilder b, String input, int inputSize);

    /**
     * The published checkpoint layouts this backbone can load pretrained weights from (see
     * {@link PretrainedWeights}), most common first; empty when it has none.
     *
     * @since 1.1
     */
    default java.util.List<WeightNames> weightNames() {
        return java.util.List.of();
    }
}
