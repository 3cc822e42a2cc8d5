package dev.prodet.export.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.home.Workspace;
import dev.prodet.api.model.TrainingCheckpoint;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
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
