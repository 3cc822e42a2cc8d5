package dev.prodet.backbone.efficientnet.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.WeightNames;
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
    private boolean reinitStem;

    EfficientNetBackbone(EfficientNetDescription.Variant variant) {
        this.variant = variant;
    }

    void configure(Map<String, Object> props, String defaultStem) {
        String stem = String.valueOf(props.getOrDefault("stem", defaultStem));
        if (!stem.equals("reinit") && !stem.equals("original")) {
            throw new IllegalArgumentException(
                    variant.name() + ": stem must be 'reinit' or 'original', got '" + stem + "'");
        }
        reinitStem = stem.equals("reinit");
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
            property = {
                "prodet.backbone.name=efficientnet-b4",
                "prodet.backbone.version=1.0.0",
                "prodet.backbone.description=EfficientNet-B4 (efficientnet-pytorch 0.7.1 blocks), ProDet's backbone",
                "service.ranking:Integer=0"
            })
    public static final class B4 extends EfficientNetBackbone {
        public B4() {
            super(EfficientNetDescription.Variant.B4);
            configure(Map.of(), "reinit");
        }

        @Activate
        void activate(Map<String, Object> props) {
            configure(props, "reinit");
        }
    }

    /** EfficientNet-B0, a lighter variant. */
    @Component(
            service = Backbone.class,
            configurationPid = "dev.prodet.backbone.efficientnet.b0",
            configurationPolicy = ConfigurationPolicy.OPTIONAL,
            property = {
                "prodet.backbone.name=efficientnet-b0",
                "prodet.backbone.version=1.0.0",
                "prodet.backbone.description=EfficientNet-B0 (efficientnet-pytorch 0.7.1 blocks)",
                "service.ranking:Integer=0"
            })
    public static final class B0 extends EfficientNetBackbone {
        public B0() {
            super(EfficientNetDescription.Variant.B0);
            configure(Map.of(), "original");
        }

        @Activate
        void activate(Map<String, Object> props) {
            configure(props, "original");
        }
    }
}
