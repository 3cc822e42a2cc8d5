package dev.prodet.export.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.home.Workspace;
import dev.prodet.api.model.InitialWeights;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Provenance;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.ParameterFile;
import dev.prodet.api.nn.ParameterInit;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class ExportCommandsTest {
    @TempDir
    Path workspace;

    @Test
    void aPartialStateJsonIsRefusedNamingTheFileAndTheMissingField() throws Exception {
        Path ckpt = Files.createDirectories(workspace.resolve("runs/r1/checkpoints/step-00000003"));
        Files.writeString(ckpt.resolve(TrainingCheckpoint.STATE), "{\"step\": 3, \"runId\": \"r1\"}");
        ExportCommands commands = new ExportCommands(context(workspace), new OnnxModelExporter());
        IOException e = assertThrows(IOException.class, () -> commands.export("--run", "r1"));
        assertTrue(
                e.getMessage().contains(ckpt.resolve(TrainingCheckpoint.STATE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("strategy"), e.getMessage());
    }

    @Test
    void theProvenanceIsWhatTheCheckpointRecords() throws Exception {
        Network network = Networks.prodet("compact", 64);
        Map<String, float[]> params = ParameterInit.values(network, 3);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        network.parameters().forEach(p -> shapes.put(p.name(), p.shape()));
        Path ckpt = Files.createDirectories(workspace.resolve("runs/r2/checkpoints/step-00000009"));
        Files.writeString(ckpt.resolve(TrainingCheckpoint.NETWORK), NetworkJson.write(network));
        try (OutputStream out = Files.newOutputStream(ckpt.resolve(TrainingCheckpoint.PARAMS))) {
            ParameterFile.write(out, params, shapes);
        }
        InitialWeights start = new InitialWeights("weights/start.safetensors", "ab".repeat(32));
        Preprocessing prep = OnnxModelExporterTest.request().preprocessing();
        new ObjectMapper()
                .writeValue(
                        ckpt.resolve(TrainingCheckpoint.STATE).toFile(),
                        new TrainingCheckpoint.State(
                                9,
                                "opr-tb",
                                5,
                                "r2",
                                "compact",
                                List.of("sbi"),
                                "d:train",
                                prep,
                                96,
                                start,
                                "43b94a0c1d2e-dirty"));

        new ExportCommands(context(workspace), new OnnxModelExporter()).export("--run", "r2");

        Provenance p =
                ModelPackage.open(workspace.resolve("models/r2/10")).metadata().provenance();
        assertEquals(96, p.framesPerVideo());
        assertEquals(start, p.pretrained());
        assertEquals(10, p.trainingSteps());
        assertEquals("d:train", p.dataset());
        assertEquals("43b94a0c1d2e-dirty", p.codeVersion());
    }

    @Test
    void aRunWithoutACompleteCheckpointIsNamed() {
        ExportCommands commands = new ExportCommands(context(workspace), new OnnxModelExporter());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> commands.export("--run", "missing"));
        assertTrue(
                e.getMessage()
                        .contains(workspace.resolve("runs/missing/checkpoints").toString()),
                e.getMessage());
    }

    private static BundleContext context(Path workspace) {
        return (BundleContext) Proxy.newProxyInstance(
                ExportCommandsTest.class.getClassLoader(), new Class<?>[] {BundleContext.class}, (p, m, a) -> {
                    if (m.getName().equals("getProperty")) {
                        return Workspace.PROPERTY.equals(a[0]) ? workspace.toString() : null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
