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
        ServeSettings s = ServeSettings.from(config::get, fw::get, k -> null);
        assertEquals(16, s.maxBatchSize());
        assertFalse(s.batching());
        assertEquals(Path.of("/srv/models"), s.models());
        assertEquals("s3cret", s.token());
        assertEquals("set (command line)", s.describe().get("token"), "the token is never printed");
        assertEquals(2000, s.pollMillis());
        assertFalse(s.session().cuda());
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
    void theTokenComesFromAFileThenTheEnvironmentThenTheSettings(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "from-file\n");
        Map<String, String> env = Map.of("PRODET_SERVE_TOKEN", "from-env");
        ServeSettings f = ServeSettings.from(
                Map.<String, Object>of("tokenFile", file.toString(), "token", "x")::get, k -> null, env::get);
        assertEquals("from-file", f.token());
        assertEquals("file " + file, f.tokenSource());
        ServeSettings e = ServeSettings.from(Map.<String, Object>of("token", "x")::get, k -> null, env::get);
        assertEquals("from-env", e.token());
        ServeSettings c = ServeSettings.from(Map.<String, Object>of("token", "x")::get, k -> null, k -> null);
        assertEquals("configuration", c.tokenSource());
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> ServeSettings.from(
                        Map.<String, Object>of("tokenFile", dir.resolve("nope").toString())::get,
                        k -> null,
                        k -> null));
        assertTrue(missing.getMessage().contains("tokenFile"), missing.getMessage());
    }

    @Test
    void sizesTakeUnitsAndLimitsHaveSaneDefaults() {
        ServeSettings s = ServeSettings.from(
                Map.<String, Object>of("memoryBudgetBytes", "256m", "maxBodyBytes", "2k")::get, k -> null, k -> null);
        assertEquals(256L << 20, s.load().memoryBudgetBytes());
        assertEquals(2048, s.maxBodyBytes());
        assertEquals(2_000_000, s.imageLimits().decodePixels());
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), s.load().workers());
        assertEquals(8, s.videoLimits().frames());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ServeSettings.from(Map.<String, Object>of("memoryBudgetBytes", "lots")::get, k -> null));
        assertTrue(e.getMessage().contains("memoryBudgetBytes"), e.getMessage());
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
