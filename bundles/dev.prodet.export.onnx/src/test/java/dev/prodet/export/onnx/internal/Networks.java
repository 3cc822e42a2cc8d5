package dev.prodet.export.onnx.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.ProDetHead;
import dev.prodet.api.testing.ComponentDescriptor;
import dev.prodet.api.testing.PluginComponents;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every backbone plugin on the test class path (found through the bundles' DS descriptors, so a new backbone bundle
 * added to this module's test dependencies is covered without editing a list) with the ProDet head, at its default
 * size, as the tests and benchmarks use them.
 */
final class Networks {
    private static final Map<String, ComponentDescriptor> BACKBONES = new LinkedHashMap<>();

    static {
        for (ComponentDescriptor d : PluginComponents.providing(Backbone.class)) {
            BACKBONES.put(PluginComponents.name(d, "backbone"), d);
        }
    }

    private Networks() {}

    /** Names of every backbone plugin found, in class-path order. */
    static Iterable<String> backboneNames() {
        return BACKBONES.keySet();
    }

    static Backbone backbone(String name) {
        ComponentDescriptor d = BACKBONES.get(name);
        if (d == null) {
            throw new IllegalArgumentException(
                    "no backbone plugin '" + name + "' on the class path; found " + BACKBONES.keySet());
        }
        return PluginComponents.instantiate(d, Backbone.class);
    }

    /** The compact network trains on CPU at 128 px; the paper's backbones run at 256. */
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
