package dev.prodet.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.tests.dist.support.EdgeArchive;
import dev.prodet.tests.dist.support.EdgeArchive.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Done-when: each edge archive carries native libraries for its own machine only, and no DJL or PyTorch. */
class ArchiveNativesIT {
    /** Libraries the edge loads; an archive without them would pass the machine check with nothing to check. */
    static final List<String> EXPECTED = List.of(
            "libonnxruntime.so",
            "libonnxruntime4j_jni.so",
            "libjnijavacpp.so",
            "libopenblas.so.0",
            "libopencv_core.so.413",
            "libopencv_dnn.so.413",
            "libjniopencv_dnn.so",
            "libjniopencv_objdetect.so");

    @ParameterizedTest
    @ValueSource(strings = {"linux-x86_64", "linux-aarch64"})
    void everyNativeLibraryIsAnElfForTheArchivesMachine(String platform, @TempDir Path dir) throws Exception {
        EdgeArchive archive = EdgeArchive.of(platform);
        Path install = archive.unpack(dir);
        List<NativeLibrary> libs = EdgeArchive.nativeLibraries(install);
        List<String> wrong = libs.stream()
                .filter(l -> l.header().machine() != archive.machine()
                        || l.header().bits() != 64
                        || !l.header().littleEndian())
                .map(l -> l.where() + ": " + l.header())
                .toList();
        assertEquals(List.of(), wrong, platform + " archive carries natives for another machine");
        for (String name : EXPECTED) {
            assertTrue(
                    libs.stream().anyMatch(l -> l.where().endsWith("/" + name)),
                    platform + " archive lacks " + name + "; it has " + libs.size() + " native libraries");
        }
        assertEquals(List.of(), EdgeArchive.foreignLibraries(install), "natives for other operating systems");
        try (Stream<Path> files = Files.walk(install)) {
            assertEquals(
                    List.of(),
                    files.map(p -> install.relativize(p).toString())
                            .filter(p -> p.contains("djl") || p.contains("pytorch"))
                            .toList(),
                    "the edge carries no DJL and no PyTorch");
        }
    }
}
