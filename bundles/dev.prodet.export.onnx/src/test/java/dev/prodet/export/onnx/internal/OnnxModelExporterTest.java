package dev.prodet.export.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.model.ModelExporter;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Provenance;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.ParameterInit;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelExporterTest {

    static ModelExporter.ExportRequest request() {
        return new ModelExporter.ExportRequest(
                "compact-prodet",
                "1",
                new Preprocessing(
                        128,
                        List.of(0.5, 0.5, 0.5),
                        List.of(0.5, 0.5, 0.5),
                        "RGB",
                        new FacePreprocessorInfo("test-aligner", "1")),
                0.5,
                new Provenance("compact", "opr-tb", List.of("sbi", "cbi"), "unit-test", 8, 7, 0, "test"),
                Map.of());
    }

    @Test
    void exportsAVerifiedPackageWithTheDescription(@TempDir Path dir) throws Exception {
        Network net = Networks.prodet("compact", 128);
        ModelPackage pkg = new OnnxModelExporter().export(net, ParameterInit.values(net, 1), request(), dir);
        assertEquals(
                ModelPackage.sha256(Files.readAllBytes(dir.resolve("model.onnx"))),
                pkg.metadata().sha256());
        assertEquals(
                List.of("p_fake", "logits", "attention"),
                pkg.metadata().outputs().stream().map(o -> o.name()).toList());
        assertEquals(17, pkg.metadata().opset());
        assertEquals(net, NetworkJson.read(Files.readString(dir.resolve("network.json"))));
    }

    @Test
    void networkJsonIsReadableLikeTheOtherPackageFiles(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Network net = Networks.prodet("compact", 128);
        new OnnxModelExporter().export(net, ParameterInit.values(net, 1), request(), dir);
        Set<PosixFilePermission> modelJson = Files.getPosixFilePermissions(dir.resolve("model.json"));
        // with a umask of 077 everything is owner-only and the comparison below could not fail
        Assumptions.assumeTrue(modelJson.contains(PosixFilePermission.OTHERS_READ), "umask leaves " + modelJson);
        assertEquals(modelJson, Files.getPosixFilePermissions(dir.resolve("network.json")));
    }

    @Test
    void alteredModelIsRefusedWithAChecksumError(@TempDir Path dir) throws Exception {
        Network net = Networks.prodet("compact", 128);
        new OnnxModelExporter().export(net, ParameterInit.values(net, 1), request(), dir);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("model.onnx").toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x01);
        }
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().startsWith("checksum mismatch for "), e.getMessage());
    }

    @Test
    void missingParameterIsNamed(@TempDir Path dir) {
        Network net = Networks.prodet("compact", 128);
        Map<String, float[]> params = new java.util.LinkedHashMap<>(ParameterInit.values(net, 1));
        params.remove("head.cls.fc2.weight");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new OnnxModelExporter().export(net, params, request(), dir));
        assertTrue(e.getMessage().contains("head.cls.fc2.weight"), e.getMessage());
    }
}
