package dev.prodet.backbone.efficientnet.internal;

import dev.prodet.api.nn.WeightNames;
import java.util.List;
import java.util.Set;

/**
 * Where EfficientNet's published weights put each parameter of the description: efficientnet-pytorch 0.7.1
 * ({@code efficientnet-b4-6ed6700e.pth}, the paper's ImageNet weights) and timm ({@code efficientnet_b4},
 * {@code tf_efficientnet_b4}). efficientnet-pytorch numbers blocks 0..n like the description; timm nests them as
 * {@code blocks.<stage>.<index>} and names the layers of its first-stage (non-expanding) blocks differently.
 */
final class EfficientNetWeightNames {
    private static final String SCOPE = "backbone.";

    private EfficientNetWeightNames() {}

    /** Both layouts; with {@code reinitStem}, the stem convolution is re-initialised after loading. */
    static List<WeightNames> of(EfficientNetDescription.Variant v, boolean reinitStem) {
        Set<String> reinit = reinitStem ? Set.of(SCOPE + "stem.weight") : Set.of();
        return List.of(
                new WeightNames(
                        "efficientnet-pytorch",
                        SCOPE,
                        EfficientNetWeightNames::efficientnetPytorch,
                        t -> t.startsWith("_fc.") || t.endsWith(".num_batches_tracked"),
                        reinit),
                new WeightNames(
                        "timm",
                        SCOPE,
                        name -> timm(name, EfficientNetDescription.stageRepeats(v)),
                        t -> t.startsWith("classifier.") || t.endsWith(".num_batches_tracked"),
                        reinit));
    }

    static String efficientnetPytorch(String parameter) {
        Parts p = Parts.of(parameter);
        String module =
                switch (p.module()) {
                    case "stem" -> "_conv_stem";
                    case "stem_bn" -> "_bn0";
                    case "head_conv" -> "_conv_head";
                    case "head_bn" -> "_bn1";
                    case "expand" -> "_expand_conv";
                    case "depthwise" -> "_depthwise_conv";
                    case "project" -> "_project_conv";
                    case "se.reduce" -> "_se_reduce";
                    case "se.expand" -> "_se_expand";
                    default -> "_" + p.module(); // bn0, bn1, bn2 of a block
                };
        return (p.block() < 0 ? "" : "_blocks." + p.block() + ".") + module + "." + WeightNames.torchSuffix(p.suffix());
    }

    static String timm(String parameter, int[] repeats) {
        Parts p = Parts.of(parameter);
        if (p.block() < 0) {
            String module =
                    switch (p.module()) {
                        case "stem" -> "conv_stem";
                        case "stem_bn" -> "bn1";
                        case "head_conv" -> "conv_head";
                        case "head_bn" -> "bn2";
                        default -> p.module();
                    };
            return module + "." + WeightNames.torchSuffix(p.suffix());
        }
        int stage = 0;
        int index = p.block();
        while (stage < repeats.length - 1 && index >= repeats[stage]) {
            index -= repeats[stage++];
        }
        boolean expands = EfficientNetDescription.stageExpands(stage);
        String module =
                switch (p.module()) {
                    case "expand" -> "conv_pw";
                    case "bn0" -> "bn1";
                    case "depthwise" -> "conv_dw";
                    case "bn1" -> expands ? "bn2" : "bn1";
                    case "se.reduce" -> "se.conv_reduce";
                    case "se.expand" -> "se.conv_expand";
                    case "project" -> expands ? "conv_pwl" : "conv_pw";
                    case "bn2" -> expands ? "bn3" : "bn2";
                    default -> p.module();
                };
        return "blocks." + stage + "." + index + "." + module + "." + WeightNames.torchSuffix(p.suffix());
    }

    /** {@code backbone.[blocks.<n>.]<module>.<suffix>} taken apart; block −1 outside the blocks. */
    private record Parts(int block, String module, String suffix) {
        static Parts of(String parameter) {
            String rest = parameter.substring(SCOPE.length());
            int block = -1;
            if (rest.startsWith("blocks.")) {
                int dot = rest.indexOf('.', 7);
                block = Integer.parseInt(rest.substring(7, dot));
                rest = rest.substring(dot + 1);
            }
            int last = rest.lastIndexOf('.');
            return new Parts(block, rest.substring(0, last), rest.substring(last + 1));
        }
    }
}
