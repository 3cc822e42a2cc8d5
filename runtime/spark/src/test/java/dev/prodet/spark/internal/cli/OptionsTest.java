package dev.prodet.spark.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {
    private static final Set<String> NAMES = Set.of("model", "frames");

    @Test
    void readsValuesFlagsAndSparkSettings() {
        Options o = new Options(
                List.of("--model", "m/1", "--overwrite", "--conf", "spark.executor.memory=2g", "--frames", "8"),
                NAMES,
                Set.of("overwrite"),
                "usage");
        assertEquals("m/1", o.require("model"));
        assertEquals(8, o.positive("frames", 32));
        assertTrue(o.flag("overwrite"));
        assertEquals(List.of("spark.executor.memory=2g"), o.conf());
    }

    @Test
    void namesWhatIsWrong() {
        var unknown = assertThrows(
                IllegalArgumentException.class, () -> new Options(List.of("--modle", "x"), NAMES, Set.of(), "u"));
        assertTrue(unknown.getMessage().contains("--modle"), unknown.getMessage());
        var noValue = assertThrows(
                IllegalArgumentException.class, () -> new Options(List.of("--model"), NAMES, Set.of(), "u"));
        assertTrue(noValue.getMessage().contains("needs a value"), noValue.getMessage());
        Options o = new Options(List.of("--frames", "0"), NAMES, Set.of(), "u");
        var notPositive = assertThrows(IllegalArgumentException.class, () -> o.positive("frames", 1));
        assertTrue(notPositive.getMessage().contains(">= 1"), notPositive.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> o.require("model"));
        assertTrue(missing.getMessage().contains("--model is required"), missing.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> new Options(List.of("--conf", "novalue"), NAMES, Set.of(), "u"));
    }
}
