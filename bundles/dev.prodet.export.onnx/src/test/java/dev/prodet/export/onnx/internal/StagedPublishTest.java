package dev.prodet.export.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.ParameterInit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedPublishTest {

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String sha256(Path dir) throws IOException {
        try {
            return ModelPackage.open(dir).metadata().sha256();
        } catch (dev.prodet.api.model.ModelPackageException e) {
            throw new IOException(e);
        }
    }

    @Test
    void aPackageAppearsWholeAndReplacesTheOldOneInOneRename(@TempDir Path repo) throws Exception {
        Network net = Networks.prodet("compact", 128);
        OnnxModelExporter exporter = new OnnxModelExporter();
        Path target = repo.resolve("m").resolve("1");
        ModelPackage first = StagedPublish.publish(target, dir -> {
            assertFalse(Files.exists(target), "nothing is visible while the package is written");
            return exporter.export(net, ParameterInit.values(net, 1), OnnxModelExporterTest.request(), dir);
        });
        assertEquals(target, first.dir());
        String sum1 = first.metadata().sha256();
        ModelPackage second = StagedPublish.publish(target, dir -> {
            assertEquals(sum1, sha256(target), "the old package serves meanwhile");
            return exporter.export(net, ParameterInit.values(net, 2), OnnxModelExporterTest.request(), dir);
        });
        assertFalse(sum1.equals(second.metadata().sha256()));
        assertEquals(List.of("1"), names(repo.resolve("m")), "no staging or replaced folder is left");
        IOException failed = assertThrows(
                IOException.class,
                () -> StagedPublish.publish(target, dir -> {
                    Files.createDirectories(dir);
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", failed.getMessage());
        assertEquals(
                second.metadata().sha256(), ModelPackage.open(target).metadata().sha256(), "untouched");
        assertEquals(List.of("1"), names(repo.resolve("m")));
    }
}
