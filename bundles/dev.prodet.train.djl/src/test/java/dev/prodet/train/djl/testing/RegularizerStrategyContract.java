package dev.prodet.train.djl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.api.testing.PluginContract;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.djl.internal.StrategyHarness;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract every {@link RegularizerStrategy} plugin must meet, run through the trainer's own code path (DJL
 * lowering, gradient step) on a tiny backbone. It lives in the trainer's test-jar because a strategy is only
 * meaningful when lowered and trained. A strategy bundle depends on {@code dev.prodet.train.djl} and its
 * {@code tests} jar (test scope), runs {@code bnd-process}, and declares
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> contract() {
 *     return RegularizerStrategyContract.forEveryStrategy(List.of("my-strategy"));
 * }
 * }</pre>
 *
 * <p>Checks: plugin properties and {@code name()} matching them; anchors non-empty, distinct and including REAL; a
 * head that provides {@link RegularizerStrategy#FEATURE} and the outputs {@code p_fake} and {@code logits}; owned
 * prefixes that name parameters of the head and never the backbone (which must survive a swap); finite losses whose
 * gradients reach the backbone; the same losses from the same seed; {@code p_fake} in [0, 1].
 */
public final class RegularizerStrategyContract {
    private static final int TUPLES = 2;

    private RegularizerStrategyContract() {}

    /** Contract tests for every strategy component on the class path; {@code expected} names must be among them. */
    public static Stream<DynamicNode> forEveryStrategy(Collection<String> expected) {
        return PluginContract.forEach(
                RegularizerStrategy.class, "regularizer", expected, RegularizerStrategyContract::checks);
    }

    /** The strategy-specific checks of one plugin registered as {@code name}. */
    public static List<DynamicTest> checks(RegularizerStrategy s, String name) {
        return List.of(
                DynamicTest.dynamicTest("name() is the plugin name", () -> assertEquals(name, s.name())),
                DynamicTest.dynamicTest("anchors non-empty, distinct, with REAL", () -> anchors(s)),
                DynamicTest.dynamicTest("head provides the feature, p_fake and logits", () -> head(s)),
                DynamicTest.dynamicTest("owns head parameters only, never the backbone", () -> owned(s)),
                DynamicTest.dynamicTest("finite losses whose gradients reach the backbone", () -> trains(s)),
                DynamicTest.dynamicTest("same seed, same losses", () -> reproducible(s)),
                DynamicTest.dynamicTest("p_fake is a probability", () -> probability(s)));
    }

    private static void anchors(RegularizerStrategy s) {
        List<AnchorKind> a = s.anchors();
        assertFalse(a.isEmpty(), "anchors");
        assertEquals(a.size(), EnumSet.copyOf(a).size(), "distinct anchors: " + a);
        assertTrue(a.contains(AnchorKind.REAL), "a detector needs real faces: " + a);
    }

    private static void head(RegularizerStrategy s) {
        try (StrategyHarness h = new StrategyHarness(s, 1)) {
            Network net = h.network();
            assertTrue(
                    net.nodes().stream().anyMatch(n -> n.name().equals(RegularizerStrategy.FEATURE)),
                    "the head must contain " + RegularizerStrategy.FEATURE);
            assertTrue(
                    net.outputs().keySet().containsAll(Set.of("p_fake", "logits")),
                    "outputs: " + net.outputs().keySet());
        }
    }

    private static void owned(RegularizerStrategy s) {
        try (StrategyHarness h = new StrategyHarness(s, 1)) {
            List<String> params =
                    h.network().parameters().stream().map(ParameterSpec::name).toList();
            for (String prefix : s.ownedParameterPrefixes()) {
                assertTrue(
                        params.stream().anyMatch(p -> p.startsWith(prefix)),
                        "owned prefix '" + prefix + "' names no parameter of the head");
            }
            for (String p : params) {
                assertFalse(p.startsWith("backbone.") && s.owns(p), "a swap must keep the backbone: owns " + p);
            }
        }
    }

    private static void trains(RegularizerStrategy s) {
        try (StrategyHarness h = new StrategyHarness(s, 2)) {
            float[] before = h.values().get("backbone.stem.weight").clone();
            for (long step = 0; step < 2; step++) {
                Map<String, Double> losses = h.step(step, TUPLES);
                losses.forEach((k, v) -> assertTrue(Double.isFinite(v), "step " + k + " = " + v));
                assertTrue(losses.get("total") >= 0, "losses are cross-entropies and squared errors: " + losses);
            }
            float[] after = h.values().get("backbone.stem.weight");
            assertFalse(java.util.Arrays.equals(before, after), "the loss must train the backbone");
        }
    }

    private static void reproducible(RegularizerStrategy s) {
        try (StrategyHarness a = new StrategyHarness(s, 3);
                StrategyHarness b = new StrategyHarness(s, 3)) {
            for (long step = 0; step < 2; step++) {
                assertEquals(a.step(step, TUPLES), b.step(step, TUPLES), "step " + step);
            }
        }
    }

    private static void probability(RegularizerStrategy s) {
        try (StrategyHarness h = new StrategyHarness(s, 4)) {
            h.step(0, TUPLES);
            for (float p : h.pFake(4)) {
                assertTrue(p >= 0 && p <= 1, "p_fake " + p);
            }
        }
    }
}
