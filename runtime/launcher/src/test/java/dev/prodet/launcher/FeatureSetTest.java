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
import org.osgi.service.feature.ID;

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

    static final String EDGE =
            """
            { "feature-resource-version": "1.0", "id": "t:f:osgifeature:edge:1",
              "bundles": [
                { "id": "t:host:1" },
                { "id": "t:natives.linux-x86_64:jar:ort:1", "native-platform": "linux-x86_64" },
                { "id": "t:natives.linux-x86_64:jar:cv:1", "native-platform": "linux-x86_64" },
                { "id": "t:natives.linux-aarch64:jar:ort:1", "native-platform": "linux-aarch64" },
                { "id": "t:natives.linux-aarch64:jar:cv:1", "native-platform": "linux-aarch64" } ] }
            """;
    static final String TRAIN =
            """
            { "feature-resource-version": "1.0", "id": "t:f:osgifeature:train:1",
              "bundles": [ { "id": "t:natives.linux-x86_64:jar:video:1", "native-platform": "linux-x86_64" } ] }
            """;

    @Test
    void onlyTheNativesOfThePlatformAreKeptAndClassifiersTellStacksApart() throws Exception {
        Files.writeString(dir.resolve("edge.json"), EDGE);
        FeatureSet arm = FeatureSet.read(dir, List.of("edge"), "linux-aarch64");
        assertEquals(
                List.of("t:host:1", "t:natives.linux-aarch64:jar:ort:1", "t:natives.linux-aarch64:jar:cv:1"),
                arm.bundles.values().stream().map(ID::toString).toList());
        assertEquals(2, arm.nativeBundles.size());
        FeatureSet x86 = FeatureSet.read(dir, List.of("edge"), "linux-x86_64");
        assertTrue(x86.bundles.values().stream().map(ID::toString).allMatch(s -> !s.contains("aarch64")));
        assertEquals(3, x86.bundles.size());
    }

    @Test
    void aFeatureWithoutNativesForThisPlatformIsRefusedWithThePlatformsItHas() throws Exception {
        Files.writeString(dir.resolve("train.json"), TRAIN);
        LaunchException e =
                assertThrows(LaunchException.class, () -> FeatureSet.read(dir, List.of("train"), "linux-aarch64"));
        assertTrue(e.getMessage().contains("[linux-x86_64] only"), e.getMessage());
        assertTrue(e.getMessage().contains("linux-aarch64"), e.getMessage());
    }
}
