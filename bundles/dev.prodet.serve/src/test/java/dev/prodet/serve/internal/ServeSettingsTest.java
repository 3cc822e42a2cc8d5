package dev.prodet.serve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeSettingsTest {
    @Test
    void configurationWinsOverFrameworkPropertiesWhichWinOverDefaults() {
        Map<String, Object> config = Map.of("maxBatchSize", 16, "batching", "false");
        Map<String, String> fw = Map.of(
                "prodet.serve.maxBatchSize",
                "4",
                "prodet.serve.models",
                "/srv/models",
                "prodet.serve.token",
                "s3cret",
                "prodet.workspace",
                "/ws");
        ServeSettings s = ServeSettings.from(config::get, fw::get);
        assertEquals(16, s.maxBatchSize());
        assertFalse(s.batching());
        assertEquals(Path.of("/srv/models"), s.models());
        assertEquals("s3cret", s.token());
        assertEquals("set", s.describe().get("token"), "the token is never printed");
        assertEquals(2000, s.pollMillis());
        assertFalse(s.session().cuda());
    }

    @Test
    void theTokenCanComeFromTheFirstLineOfAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "s3cret-from-file\nignored\n");
        ServeSettings s = ServeSettings.from(k -> null, Map.of("prodet.serve.tokenFile", file.toString())::get);
        assertEquals("s3cret-from-file", s.token());
        IllegalArgumentException both = assertThrows(
                IllegalArgumentException.class,
                () -> ServeSettings.from(
                        k -> null, Map.of("prodet.serve.tokenFile", file.toString(), "prodet.serve.token", "x")::get));
        assertTrue(both.getMessage().contains("tokenFile"), both.getMessage());
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> ServeSettings.from(
                        k -> null,
                        Map.of("prodet.serve.tokenFile", dir.resolve("nope").toString())::get));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThrows(
                IllegalArgumentException.class,
                () -> ServeSettings.from(k -> null, Map.of("prodet.serve.tokenFile", empty.toString())::get));
    }

    @Test
    void theModelsFolderDefaultsToTheWorkspaceAndPoliciesParse() {
        ServeSettings s = ServeSettings.from(
                k -> null,
                Map.of(
                        "prodet.workspace",
                        "/ws",
                        "prodet.serve.modelPolicies",
                        "a=all;b=specific:1,3",
                        "prodet.serve.executionProvider",
                        "CUDA")::get);
        assertEquals(Path.of("/ws/models"), s.models());
        assertEquals("all", s.policies().get("a").toString());
        assertEquals("specific:1,3", s.policies().get("b").toString());
        assertTrue(s.session().cuda());
    }

    @Test
    void badValuesNameTheKey() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ServeSettings.from(Map.<String, Object>of("maxBatchSize", "lots")::get, k -> null));
        assertTrue(e.getMessage().contains("maxBatchSize"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ServeSettings.from(Map.<String, Object>of("batching", "maybe")::get, k -> null));
    }
}
