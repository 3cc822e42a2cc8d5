package dev.prodet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.feature.ID;

class FeatureSetTest {
    @TempDir
    Path dir;

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
