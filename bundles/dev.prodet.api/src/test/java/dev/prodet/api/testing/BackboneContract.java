package dev.prodet.api.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.ParameterInit;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.api.nn.ProDetHead;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract every {@link Backbone} plugin must meet, run for each backbone component on the test class path. A
 * backbone bundle runs it with
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> contract() {
 *     return BackboneContract.forEveryBackbone(List.of("my-backbone"));
 * }
 * }</pre>
 *
 * and the {@code bnd-process} goal, so that its DS descriptors are on the class path. Checks: the plugin
 * properties and a name that matches the spec; the feature map the spec promises, at the smallest and a larger
 * input size; parameter names unique, under {@code backbone.}, and never in the head's namespace; the same
 * description on every build (JSON round trip included); initial values finite; a ProDet head on top; and, for an
 * odd input size, a spec and a description that agree (both refuse it by name, or both accept it). How the description lowers to DJL and ONNX is checked for every
 * backbone by export.onnx's parity test.
 */
public final class BackboneContract {
    /** Input sizes tried, smallest first; a backbone must take at least one of them. */
    static final List<Integer> SIZES = List.of(64, 128, 256);

    private BackboneContract() {}

    /** Contract tests for every backbone component on the class path; {@code expected} names must be among them. */
    public static Stream<DynamicNode> forEveryBackbone(Collection<String> expected) {
        return PluginContract.forEach(Backbone.class, "backbone", expected, BackboneContract::checks);
    }

    /** The backbone-specific checks of one plugin registered as {@code name}. */
    public static List<DynamicTest> checks(Backbone backbone, String name) {
        return List.of(
                DynamicTest.dynamicTest("spec names the plugin and normalises 3 channels", () -> spec(backbone, name)),
                DynamicTest.dynamicTest("feature map as the spec states", () -> featureMaps(backbone)),
                DynamicTest.dynamicTest("parameters named under backbone., unique, finite", () -> parameters(backbone)),
                DynamicTest.dynamicTest("same description every time, JSON round trip", () -> stable(backbone)),
                DynamicTest.dynamicTest("ProDet head on top", () -> withHead(backbone)),
                DynamicTest.dynamicTest("odd input size: spec and build agree", () -> oddSize(backbone, name)));
    }

    static int smallestSize(Backbone b) {
        for (int s : SIZES) {
            try {
                b.spec(s);
                return s;
            } catch (IllegalArgumentException tooSmall) {
                // try the next size
            }
        }
        throw new AssertionError(b.getClass().getName() + " takes none of the input sizes " + SIZES);
    }

    /** The backbone alone, image in, its feature map out as {@code features}. */
    public static Network build(Backbone b, int size) {
        NetworkBuilder nb = new NetworkBuilder("contract");
        String image = nb.input("image", 3, size, size);
        String features = b.build(nb, image, size);
        nb.output("features", features);
        return nb.build();
    }

    private static void spec(Backbone b, String name) {
        BackboneSpec spec = b.spec(smallestSize(b));
        assertEquals(name, spec.name(), "BackboneSpec.name must be the plugin's prodet.backbone.name");
        for (int c = 0; c < 3; c++) {
            assertTrue(spec.std().get(c) > 0, "std must be positive: " + spec.std());
            assertTrue(spec.mean().get(c) >= 0 && spec.mean().get(c) <= 1, "mean in [0,1]: " + spec.mean());
        }
    }

    private static void featureMaps(Backbone b) {
        int small = smallestSize(b);
        for (int size : new int[] {small, small * 2}) {
            BackboneSpec spec = b.spec(size);
            Network net = build(b, size);
            assertArrayEquals(
                    new long[] {-1, spec.featureChannels(), spec.featureSize(), spec.featureSize()},
                    net.shapeOf(net.outputs().get("features")).dims(),
                    "feature map at " + size + " px");
            assertTrue(spec.featureSize() > 0 && spec.featureChannels() > 0, "non-empty features: " + spec);
        }
    }

    private static void parameters(Backbone b) {
        Network net = build(b, smallestSize(b));
        List<ParameterSpec> params = net.parameters();
        assertFalse(params.isEmpty(), "a backbone has parameters");
        Set<String> names = new HashSet<>();
        for (ParameterSpec p : params) {
            assertTrue(names.add(p.name()), "duplicate parameter " + p.name());
            assertTrue(p.name().startsWith("backbone."), "backbone parameters live under 'backbone.': " + p.name());
        }
        Map<String, float[]> values = ParameterInit.values(net, 1);
        for (ParameterSpec p : params) {
            float[] v = values.get(p.name());
            assertEquals(p.size(), v.length, "initial value size of " + p.name());
            for (float x : v) {
                assertTrue(Float.isFinite(x), "initial value of " + p.name() + " is " + x);
            }
        }
    }

    private static void stable(Backbone b) throws java.io.IOException {
        int size = smallestSize(b);
        Network first = build(b, size);
        assertEquals(first, build(b, size), "two builds of one size must give the same description");
        assertEquals(first, NetworkJson.read(NetworkJson.write(first)), "JSON round trip");
    }

    private static void withHead(Backbone b) {
        int size = smallestSize(b);
        NetworkBuilder nb = new NetworkBuilder("contract+prodet");
        String image = nb.input("image", 3, size, size);
        ProDetHead.build(nb, b.build(nb, image, size), new ProDetHead.Config(16, 16, true, true));
        Network net = nb.build();
        assertTrue(
                net.outputs().containsKey("p_fake"), "outputs: " + net.outputs().keySet());
        assertTrue(net.parameters().stream().anyMatch(p -> p.name().startsWith("head.")), "head parameters");
    }

    /** An odd size: refused by spec and build alike with a message naming it, or described as the spec says. */
    private static void oddSize(Backbone b, String name) {
        int odd = smallestSize(b) + 33;
        BackboneSpec spec;
        try {
            spec = b.spec(odd);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(String.valueOf(odd)), "names the size: " + e);
            assertThrows(IllegalArgumentException.class, () -> build(b, odd), name + ": build must refuse it too");
            return;
        }
        Network net = build(b, odd);
        assertArrayEquals(
                new long[] {-1, spec.featureChannels(), spec.featureSize(), spec.featureSize()},
                net.shapeOf(net.outputs().get("features")).dims(),
                name + " accepts " + odd + " px, so its feature map must be as the spec states");
    }
}
