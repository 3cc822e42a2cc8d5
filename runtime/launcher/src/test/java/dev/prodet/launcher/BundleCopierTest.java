package dev.prodet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCopierTest {
    @TempDir
    Path dir;

    private Path home() throws Exception {
        Path home = dir.resolve("dist");
        Files.createDirectories(home.resolve("features"));
        Files.writeString(home.resolve("features/edge.json"), FeatureSetTest.EDGE);
        for (String f : new String[] {
            "t/host/1/host-1.jar",
            "t/natives.linux-x86_64/1/natives.linux-x86_64-1-ort.jar",
            "t/natives.linux-x86_64/1/natives.linux-x86_64-1-cv.jar"
        }) {
            Path p = home.resolve("bundles").resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
        return home;
    }

    private static LaunchOptions options(Path home, String platform, Path out) {
        return LaunchOptions.parse(new String[] {
            "--home", home.toString(), "--features", "edge", "--platform", platform, "--copy-bundles", out.toString()
        });
    }

    @Test
    void copiesExactlyTheBundlesThePlatformNeeds() throws Exception {
        Path out = dir.resolve("out");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(
                0,
                BundleCopier.copy(
                        options(home(), "linux-x86_64", out), new PrintStream(log, true, StandardCharsets.UTF_8)));
        try (Stream<Path> s = Files.walk(out)) {
            assertEquals(3, s.filter(Files::isRegularFile).count());
        }
        assertTrue(Files.isRegularFile(out.resolve("t/natives.linux-x86_64/1/natives.linux-x86_64-1-cv.jar")));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("3 bundles"));
    }

    @Test
    void aDistributionWithoutThePlatformsNativesSaysWhichDistributionToUse() throws Exception {
        System.setProperty("maven.repo.local", dir.resolve("no-repository").toString());
        try {
            Path out = dir.resolve("out");
            LaunchException e = assertThrows(
                    LaunchException.class, () -> BundleCopier.copy(options(home(), "linux-aarch64", out), System.err));
            assertTrue(e.getMessage().contains("no native libraries for linux-aarch64"), e.getMessage());
            assertFalse(Files.exists(out.resolve("t/host/1/host-1.jar")), "nothing copied before the check");
        } finally {
            System.clearProperty("maven.repo.local");
        }
    }
}
