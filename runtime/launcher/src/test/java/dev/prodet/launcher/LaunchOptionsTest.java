package dev.prodet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsAreCoreAndCliWithTheHomesConfigs() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--home", "/opt/prodet"});
        assertEquals(Path.of("/opt/prodet"), o.home());
        assertEquals(Path.of("/opt/prodet/configs/osgi"), o.configs());
        assertEquals(List.of("core", "cli"), o.features());
        assertNull(o.command());
        assertFalse(o.shell());
        assertFalse(o.exitAfterStart());
    }

    @Test
    void featuresCommandAndPropertiesAreRead() {
        LaunchOptions o = LaunchOptions.parse(new String[] {
            "--features",
            " core, ,train ",
            "--command",
            "prodet:plugins 'a b'",
            "-Dx=1",
            "-Dy=a=b",
            "--exit-after-start"
        });
        assertEquals(List.of("core", "train"), o.features());
        assertEquals("prodet:plugins 'a b'", o.command());
        assertEquals(Map.of("x", "1", "y", "a=b"), o.properties());
        assertTrue(o.exitAfterStart());
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertEquals(
                "unknown option: --feature",
                assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"--feature"}))
                        .getMessage());
        assertEquals(
                "--home needs a value",
                assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"--home"}))
                        .getMessage());
        assertEquals(
                "--shell and --command cannot be combined",
                assertThrows(
                                LaunchOptions.UsageException.class,
                                () -> LaunchOptions.parse(new String[] {"--shell", "--command", "x"}))
                        .getMessage());
        assertEquals(
                "--features needs at least one feature name",
                assertThrows(
                                LaunchOptions.UsageException.class,
                                () -> LaunchOptions.parse(new String[] {"--features", ","}))
                        .getMessage());
    }

    @Test
    void helpIsAUsageExceptionWithoutMessageAndExitsZero() {
        assertNull(assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"-h"}))
                .getMessage());
        assertEquals(0, Main.run(new String[] {"--help"}));
        assertEquals(2, Main.run(new String[] {"--bogus"}));
    }
}
