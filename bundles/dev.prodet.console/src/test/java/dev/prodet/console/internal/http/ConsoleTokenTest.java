package dev.prodet.console.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTokenTest {
    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenProperty() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "from-file\n");
        Map<String, String> all = Map.of("prodet.serve.tokenFile", file.toString(), "prodet.serve.token", "prop");
        Map<String, String> env = Map.of("PRODET_SERVE_TOKEN", "from-env");
        assertEquals("from-file", ConsoleToken.resolve(all::get, env::get).token());
        assertEquals(
                "from-env",
                ConsoleToken.resolve(Map.of("prodet.serve.token", "prop")::get, env::get)
                        .token());
        assertEquals(
                "prop",
                ConsoleToken.resolve(Map.of("prodet.serve.token", "prop")::get, k -> null)
                        .token());
        ConsoleToken none = ConsoleToken.resolve(k -> null, k -> null);
        assertEquals("", none.token());
        assertNull(none.problem());
    }

    @Test
    void anUnreadableTokenFileIsAProblemNotAnOpenServer() throws Exception {
        ConsoleToken t = ConsoleToken.resolve(
                Map.of("prodet.serve.tokenFile", dir.resolve("nope").toString())::get, k -> null);
        assertTrue(t.problem().contains("cannot be read"), t.problem());
        ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> ApiSupport.fromRuntime(
                        Map.of("prodet.serve.tokenFile", dir.resolve("nope").toString())::get)
                .checkToken(ApiSupportTest.request(Map.of())));
        assertEquals(503, e.status());
    }
}
