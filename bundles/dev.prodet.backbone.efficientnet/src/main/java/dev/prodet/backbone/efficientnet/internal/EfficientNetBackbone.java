package dev.prodet.backbone.efficientnet.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.WeightNames;
import dev.prodet.api.plugin.Plugin;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * EfficientNet backbones. Two component instances: {@code efficientnet-b4} (the paper's backbone, DeepfakeBench's
 * re-initialised stem by default) and {@code efficientnet-b0}; the stem is chosen by the component property
 * {@code stem} = {@code reinit} | {@code original}.
 */
public abstract class EfficientNetBackbone implements Backbone {
    private final EfficientNetDescription.Variant variant;
    private final String defaultStem;
    private boolean reinitStem;

    EfficientNetBackbone(EfficientNetDescription.Variant variant, String defaultStem) {
        this.variant = variant;
        this.defaultStem = defaultStem;
        this.reinitStem = isReinit(variant, defaultStem);
    }

    /** The components' activate method (inherited, see bnd.bnd): the {@code stem} property, else the default. */
    @Activate
    void activate(Map<String, Object> props) {
        reinitStem = isReinit(variant, props.getOrDefault("stem", defaultStem));
    }

    private static boolean isReinit(EfficientNetDescription.Variant variant, Object stemProperty) {
        String stem = String.valueOf(stemProperty);
        if (!stem.equals("reinit") && !stem.equals("original")) {
            throw new IllegalArgumentException(
                    variant.name() + ": stem must be 'reinit' or 'original', got '" + stem + "'");
        }
        return stem.equals("reinit");
    }

    @Override
    public BackboneSpec spec(int inputSize) {
        return EfficientNetDescription.spec(variant, inputSize, reinitStem);
    }

    @Override
    public String build(NetworkBuilder b, String input, int inputSize) {
        return EfficientNetDescription.build(b, input, variant, reinitStem);
    }

    /** efficientnet-pytorch and timm names; with the re-initialised stem, its convolution stays random. */
    @Override
    public List<WeightNames> weightNames() {
        return EfficientNetWeightNames.of(variant, reinitStem);
    }

    /** EfficientNet-B4, 256 px: 1792 × 8 × 8 features. */
    @Component(
            service = Backbone.class,
            configurationPid = "dev.prodet.backbone.efficientnet.b4",
            configurationPolicy = ConfigurationPolicy.OPTIONAL,
            property = "service.ranking:Integer=0")
    @Plugin.Backbone(
            name = "efficientnet-b4",
            description = "EfficientNet-B4 (efficientnet-pytorch 0.7.1 blocks), ProDet's backbone")
    public static final class B4 extends EfficientNetBackbone {
        public B4() {
            super(EfficientNetDescription.Variant.B4, "reinit");
        }
    }

    /** EfficientNet-B0, a lighter variant. */
    @Component(
            service = Backbone.class,
            configurationPid = "dev.prodet.backbone.efficientnet.b0",
            configurationPolicy = ConfigurationPolicy.OPTIONAL,
            property = "service.ranking:Integer=0")
    @Plugin.Backbone(name = "efficientnet-b0", description = "EfficientNet-B0 (efficientnet-pytorch 0.7.1 blocks)")
    public static final class B0 extends EfficientNetBackbone {
        public B0() {
            super(EfficientNetDescription.Variant.B0, "original");
        }
    }
}
