package dev.prodet.backbone.resnet.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.Blocks;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.Op;
import dev.prodet.api.nn.Padding;
import dev.prodet.api.nn.WeightNames;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * ResNet-18/34 feature extractors as torchvision builds them, up to the last residual stage: 7×7/2 stem, BN, ReLU,
 * 3×3/2 max pool, four stages of basic blocks (64, 128, 256, 512 channels). 512 × size/32 features.
 */
public abstract class ResNetBackbone implements Backbone {
    private static final int[] WIDTHS = {64, 128, 256, 512};
    private final String name;
    private final int[] blocks;

    ResNetBackbone(String name, int... blocks) {
        this.name = name;
        this.blocks = blocks;
    }

    @Override
    public BackboneSpec spec(int inputSize) {
        if (inputSize % 32 != 0) {
            throw new IllegalArgumentException(name + ": input size must be a multiple of 32, got " + inputSize);
        }
        return new BackboneSpec(
                name, 512, inputSize / 32, inputSize, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225));
    }

    @Override
    public String build(NetworkBuilder b, String input, int inputSize) {
        spec(inputSize);
        b.scope("backbone");
        String x = b.conv("stem", input, 64, 7, 2, Padding.symmetric(3), 1, false);
        x = b.batchNorm("stem_bn", x, Blocks.Norm.TORCH.epsilon(), Blocks.Norm.TORCH.momentum());
        x = b.relu("stem_relu", x);
        x = b.add("stem_pool", new Op.Pool2d(true, 3, 2, 1), x);
        for (int stage = 0; stage < blocks.length; stage++) {
            for (int i = 0; i < blocks[stage]; i++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                x = Blocks.basicResidual(
                        b, "layer" + (stage + 1) + "." + i, x, WIDTHS[stage], stride, Blocks.Norm.TORCH);
            }
        }
        b.end();
        return x;
    }

    /** torchvision's names ({@code resnet18-f37072fd.pth}, {@code resnet34-b627a593.pth}). */
    @Override
    public List<WeightNames> weightNames() {
        return List.of(new WeightNames(
                "torchvision",
                "backbone.",
                ResNetBackbone::torchvisionName,
                t -> t.startsWith("fc.") || t.endsWith(".num_batches_tracked"),
                Set.of()));
    }

    static String torchvisionName(String parameter) {
        String rest = parameter.substring("backbone.".length());
        int last = rest.lastIndexOf('.');
        String module = rest.substring(0, last)
                .replace("stem_bn", "bn1")
                .replace("stem", "conv1")
                .replace("downsample.conv", "downsample.0")
                .replace("downsample.bn", "downsample.1");
        return module + "." + WeightNames.torchSuffix(rest.substring(last + 1));
    }

    /** ResNet-18: blocks (2, 2, 2, 2). */
    @Component(
            service = Backbone.class,
            property = {
                "prodet.backbone.name=resnet18",
                "prodet.backbone.version=1.0.0",
                "prodet.backbone.description=ResNet-18 (torchvision layout), 512 x size/32 features",
                "service.ranking:Integer=0"
            })
    public static final class ResNet18 extends ResNetBackbone {
        public ResNet18() {
            super("resnet18", 2, 2, 2, 2);
        }
    }

    /** ResNet-34: blocks (3, 4, 6, 3). */
    @Component(
            service = Backbone.class,
            property = {
                "prodet.backbone.name=resnet34",
                "prodet.backbone.version=1.0.0",
                "prodet.backbone.description=ResNet-34 (torchvision layout), 512 x size/32 features",
                "service.ranking:Integer=0"
            })
    public static final class ResNet34 extends ResNetBackbone {
        public ResNet34() {
            super("resnet34", 3, 4, 6, 3);
        }
    }
}
