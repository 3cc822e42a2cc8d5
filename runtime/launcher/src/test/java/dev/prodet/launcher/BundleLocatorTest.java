package dev.prodet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

class BundleLocatorTest {
    private static final FeatureService FEATURES =
            ServiceLoader.load(FeatureService.class).findFirst().orElseThrow();

    @TempDir
    Path dir;

    private static ID id(String mavenCoordinates) {
        return FEATURES.getIDfromMavenCoordinates(mavenCoordinates);
    }

    @Test
    void mavenLayoutWithClassifierAndType() {
        assertEquals(
                "org/bytedeco/opencv/4.13.0/opencv-4.13.0-linux-x86_64.jar",
                BundleLocator.relativePath(id("org.bytedeco:opencv:jar:linux-x86_64:4.13.0")));
        assertEquals("a/b/c/1/c-1.jar", BundleLocator.relativePath(id("a.b:c:1")));
    }

    @Test
    void aDistributionTakesBundlesOnlyFromItsOwnFolder() throws Exception {
        Path dist = dir.resolve("dist");
        Path m2 = dir.resolve("m2");
        for (Path root : new Path[] {dist, m2}) {
            Files.createDirectories(root.resolve("a/c/1"));
            Files.writeString(root.resolve("a/c/1/c-1.jar"), root.toString());
        }
        Files.createDirectories(m2.resolve("a/d/1"));
        Files.writeString(m2.resolve("a/d/1/d-1.jar"), "m2");
        BundleLocator locator = new BundleLocator(dist, m2);
        assertEquals(dist.resolve("a/c/1/c-1.jar"), locator.locate(id("a:c:1")));
        // a bundle the distribution lacks is an error, even when the local repository has it
        LaunchException e = assertThrows(LaunchException.class, () -> locator.locate(id("a:d:1")));
        assertTrue(e.getMessage().contains("a/d/1/d-1.jar"), e.getMessage());
        assertTrue(e.getMessage().contains("rebuild the distribution"), e.getMessage());
    }

    @Test
    void withoutADistributionFolderTheLocalRepositoryServes() throws Exception {
        Path m2 = dir.resolve("m2");
        Files.createDirectories(m2.resolve("a/d/1"));
        Files.writeString(m2.resolve("a/d/1/d-1.jar"), "m2");
        BundleLocator locator = new BundleLocator(dir.resolve("no-dist"), m2);
        assertEquals(m2.resolve("a/d/1/d-1.jar"), locator.locate(id("a:d:1")));
    }
}
