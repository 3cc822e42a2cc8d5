package dev.prodet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemSettingsTest {
    private static final String SET = "prodet.test.system-settings.set";
    private static final String GIVEN = "prodet.test.system-settings.given";

    @AfterEach
    void clear() {
        System.clearProperty(SET);
        System.clearProperty(GIVEN);
    }

    @Test
    void setsMissingPropertiesWithAppHomeButKeepsCommandLineOnes() {
        System.setProperty(GIVEN, "from -D");
        SystemSettings.apply(Map.of(SET, "${app.home}/etc", GIVEN, "from feature"), Path.of("/opt/prodet"));
        assertEquals("/opt/prodet/etc", System.getProperty(SET));
        assertEquals("from -D", System.getProperty(GIVEN));
    }

    @Test
    void javaUtilLoggingShowsWarningsOnly() {
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        try {
            root.setLevel(Level.INFO);
            SystemSettings.quietJavaUtilLogging();
            assertEquals(Level.WARNING, root.getLevel());
            // SPI Fly's "Registered provider ..." lines are INFO
            assertEquals(
                    false,
                    Logger.getLogger("org.apache.aries.spifly.BaseActivator").isLoggable(Level.INFO));
        } finally {
            root.setLevel(before);
        }
    }
}
