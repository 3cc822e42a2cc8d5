package dev.prodet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSetTest {
    @TempDir
    Path dir;

    private void feature(String name, String bundles, String extensions) throws IOException {
        Files.writeString(
                dir.resolve(name + ".json"),
                """
                { "feature-resource-version": "1.0", "id": "g:f:osgifeature:%s:1",
                  "bundles": [ %s ], "configurations": { "pid.%s": { "k": "%s" } }, "extensions": { %s } }
                """
                        .formatted(name, bundles, name, name, extensions));
    }

    private static String props(String extension, String json) {
        return "\"%s\": { \"kind\": \"optional\", \"type\": \"json\", \"json\": %s }".formatted(extension, json);
    }

    @Test
    void unionKeepsTheFirstBundleAndLetsLaterFeaturesOverrideProperties() throws Exception {
        feature(
                "core",
                "{ \"id\": \"a:x:1\" }, { \"id\": \"a:y:1\" }",
                props("framework-launching-properties", "{ \"p\": \"core\", \"q\": \"1\" }") + ","
                        + props("system-properties", "{ \"s\": \"${app.home}/etc\" }"));
        feature(
                "train",
                "{ \"id\": \"a:x:2\" }, { \"id\": \"b:z:1\" }",
                props("framework-launching-properties", "{ \"p\": \"train\" }"));
        FeatureSet set = FeatureSet.read(dir, List.of("core", "train"));
        assertEquals(List.of("core", "train"), set.names);
        assertEquals(List.of("a:x", "a:y", "b:z"), List.copyOf(set.bundles.keySet()));
        assertEquals("1", set.bundles.get("a:x").getVersion(), "first occurrence wins");
        assertEquals(Map.of("p", "train", "q", "1"), set.frameworkProperties);
        assertEquals(Map.of("s", "${app.home}/etc"), set.systemProperties);
        assertEquals(List.of("pid.core", "pid.train"), List.copyOf(set.configurations.keySet()));
    }

    @Test
    void unknownFeatureNamesTheAvailableOnes() throws Exception {
        feature("core", "", props("framework-launching-properties", "{}"));
        LaunchException e = assertThrows(LaunchException.class, () -> FeatureSet.read(dir, List.of("edge")));
        assertTrue(e.getMessage().startsWith("unknown feature 'edge'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("available: [core]"), e.getMessage());
    }

    @Test
    void malformedExtensionNamesTheFile() throws Exception {
        feature("core", "", props("system-properties", "[1, 2]"));
        LaunchException e = assertThrows(LaunchException.class, () -> FeatureSet.read(dir, List.of("core")));
        assertTrue(e.getMessage().startsWith("cannot read feature " + dir.resolve("core.json")), e.getMessage());
    }

    @Test
    void theDistributionsCoreFeatureQuietsLibraryLogging() throws Exception {
        Path features = Path.of(System.getProperty("prodet.root", "../.."), "features/src/main/features");
        Files.copy(features.resolve("core.json"), dir.resolve("core.json"));
        FeatureSet set = FeatureSet.read(dir, List.of("core"));
        // the [pipe-prodet:train '...'] prefix of every DJL line came from slf4j-simple's thread names
        assertEquals("false", set.systemProperties.get("org.slf4j.simpleLogger.showThreadName"));
        assertEquals("warn", set.systemProperties.get("org.slf4j.simpleLogger.defaultLogLevel"));
        assertEquals("slf4j", set.systemProperties.get("org.bytedeco.javacpp.logger"));
    }
}
