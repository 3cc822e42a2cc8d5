package dev.prodet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.prodet.tests.support.Dist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.feature.FeatureBundle;

/** Every bundle a feature names is in the distribution, so the launcher never needs the network. */
class FeatureBundlesInDistIT {
    @ParameterizedTest
    @ValueSource(strings = {"core", "cli", "train", "edge", "http", "console"})
    void everyFeatureBundleIsInTheDistribution(String feature) throws Exception {
        List<String> missing = new ArrayList<>();
        List<FeatureBundle> bundles = Dist.feature(feature).getBundles();
        assertFalse(bundles.isEmpty(), feature + " lists no bundles");
        for (FeatureBundle b : bundles) {
            Path jar = Dist.bundleJar(b.getID());
            if (!Files.isRegularFile(jar)) {
                missing.add(b.getID() + " -> " + jar);
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The edge feature carries the HTTP server itself; its bundles are the http feature's, one list in two files. */
    @org.junit.jupiter.api.Test
    void theEdgeFeatureHasTheHttpFeaturesBundles() throws Exception {
        List<String> http = Dist.feature("http").getBundles().stream()
                .map(b -> b.getID().toString())
                .toList();
        List<String> edge = Dist.feature("edge").getBundles().stream()
                .map(b -> b.getID().toString())
                .filter(id -> !id.startsWith("dev.prodet:"))
                .toList();
        assertEquals(http, edge);
    }
}
