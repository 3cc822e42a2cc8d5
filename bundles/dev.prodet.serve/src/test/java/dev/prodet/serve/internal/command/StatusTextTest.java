package dev.prodet.serve.internal.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.serve.internal.EdgeRuntime;
import dev.prodet.serve.internal.ServeSettings;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.TestRuntime;
import dev.prodet.serve.internal.detect.FaceStages;
import dev.prodet.serve.internal.repo.ModelRepository;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTextTest {
    @TempDir
    Path dir;

    @Test
    void aMissingModelsFolderIsNotReadyAndSaysWhy() {
        Path models = dir.resolve("absent");
        String text = status(models);
        assertTrue(text.contains("ready: no"), text);
        assertTrue(text.contains("models folder: " + models + " (model repository " + models), text);
        assertTrue(text.contains("face preprocessor: none"), text);
    }

    @Test
    void aServingModelIsReadyAndListed() throws Exception {
        Path models = dir.resolve("models");
        TestPackages.export(models, "m", "1", 3);
        String text = status(models);
        assertTrue(text.contains("ready: yes"), text);
        assertTrue(text.contains("models folder: " + models + System.lineSeparator()), text);
        assertTrue(text.contains("READY"), text);
    }

    private static String status(Path models) {
        ServeSettings settings = TestRuntime.settings(models, Map.of());
        FaceStages faces = new FaceStages();
        try (ModelRepository repo = TestRuntime.repository(settings)) {
            EdgeRuntime runtime = new EdgeRuntime(settings, repo, TestRuntime.detect(repo, faces, 1), faces);
            return StatusText.status(runtime, "http://127.0.0.1:0/");
        }
    }
}
