package dev.prodet.api.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeTokenTest {
    @TempDir
    Path dir;

    @Test
    void theFirstLineOfTheFileThenTheEnvironmentThenTheSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "  from-file \nignored\n");
        Map<String, String> env = Map.of(ServeToken.ENV, "from-env");
        ServeToken f = ServeToken.resolve(Map.of("tokenFile", file.toString(), "token", "x")::get, env::get);
        assertEquals(new ServeToken("from-file", "file " + file), f);
        assertEquals(
                "from-env",
                ServeToken.resolve(Map.of("token", "x")::get, env::get).token());
        ServeToken s = ServeToken.resolve(Map.of("token", "x")::get, k -> null);
        assertEquals(new ServeToken("x", ServeToken.SETTING), s);
        ServeToken none = ServeToken.resolve(k -> null, k -> null);
        assertFalse(none.isSet());
        assertEquals("none", none.source());
    }

    @Test
    void aConfiguredFileThatCannotBeReadOrIsEmptyFailsNamingTheSetting() throws Exception {
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> ServeToken.resolve(Map.of("tokenFile", dir.resolve("nope").toString())::get, k -> null));
        assertTrue(missing.getMessage().contains("tokenFile")
                && missing.getMessage().contains("nope"));
        Path empty = Files.writeString(dir.resolve("empty"), "\nsecond\n");
        IllegalArgumentException blank = assertThrows(
                IllegalArgumentException.class,
                () -> ServeToken.resolve(Map.of("tokenFile", empty.toString())::get, k -> null));
        assertTrue(blank.getMessage().contains("first line"), blank.getMessage());
    }
}
