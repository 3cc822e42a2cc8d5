package dev.prodet.export.onnx.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.ProDetHead;
import dev.prodet.backbone.compact.internal.CompactBackbone;
import dev.prodet.backbone.efficientnet.internal.EfficientNetBackbone;
import dev.prodet.backbone.resnet.internal.ResNetBackbone;

/** Every backbone with the ProDet head, at its default size, as the tests and benchmarks use them. */
final class Networks {
    private Networks() {}

    static Backbone backbone(String name) {
        switch (name) {
            case "compact":
                return new CompactBackbone();
            case "resnet18":
                return new ResNetBackbone.ResNet18();
            case "resnet34":
                return new ResNetBackbone.ResNet34();
            case "efficientnet-b0":
                return new EfficientNetBackbone.B0();
            case "efficientnet-b4":
                return new EfficientNetBackbone.B4();
            default:
                throw new IllegalArgumentException("unknown backbone " + name);
        }
    }

    static int defaultSize(String name) {
        return name.equals("compact") ? 128 : 256;
    }

    /** Backbone + ProDet head (paper widths, or 64/64 for the compact network). */
    static Network prodet(String backboneName, int size) {
        Backbone bb = backbone(backboneName);
        NetworkBuilder b = new NetworkBuilder(backboneName + "+prodet");
        String image = b.input("image", 3, size, size);
        String features = bb.build(b, image, size);
        ProDetHead.Config cfg =
                backboneName.equals("compact") ? new ProDetHead.Config(64, 64, true, true) : ProDetHead.Config.PAPER;
        ProDetHead.build(b, features, cfg);
        return b.build();
    }
}
