package dev.prodet.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.plugin.PluginProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * What every plugin kind's contract shares: the plugins of a kind found on the class path (at least the expected
 * ones), each checked for the four plugin properties and then by the kind's own checks.
 */
public final class PluginContract {
    private PluginContract() {}

    /**
     * One container per component providing {@code service}: the property check plus {@code checks(plugin, name)}.
     *
     * @param expected names that must be among the plugins found (so a broken discovery cannot pass vacuously)
     */
    public static <T> Stream<DynamicNode> forEach(
            Class<T> service,
            String kind,
            Collection<String> expected,
            BiFunction<T, String, List<DynamicTest>> checks) {
        List<ComponentDescriptor> found = PluginComponents.providing(service);
        List<String> names =
                found.stream().map(d -> PluginComponents.name(d, kind)).toList();
        assertFalse(found.isEmpty(), "no " + kind + " component on the test class path (bnd-process goal missing?)");
        assertTrue(names.containsAll(expected), "expected " + kind + " plugins " + expected + ", found " + names);
        List<DynamicNode> out = new ArrayList<>();
        for (ComponentDescriptor d : found) {
            String name = PluginComponents.name(d, kind);
            T plugin = PluginComponents.instantiate(d, service);
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("plugin properties", () -> checkProperties(d, kind)));
            tests.addAll(checks.apply(plugin, name));
            out.add(DynamicContainer.dynamicContainer(kind + " " + name, tests));
        }
        return out.stream();
    }

    /** The four plugin properties, typed as listing and ranking need them. */
    public static void checkProperties(ComponentDescriptor d, String kind) {
        String what = d.implementation();
        assertFalse(
                d.properties()
                        .getOrDefault(PluginProperties.versionKey(kind), "")
                        .isBlank(),
                what + " version");
        assertFalse(
                d.properties()
                        .getOrDefault(PluginProperties.descriptionKey(kind), "")
                        .isBlank(),
                what + " description");
        assertTrue(d.properties().containsKey("service.ranking"), what + " needs service.ranking");
        assertEquals("Integer", d.types().get("service.ranking"), what + ": service.ranking must be an Integer");
    }
}
