package dev.prodet.data.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataArgsTest {

    @Test
    void parsesKnownOptionsAndRejectsOthers() {
        DataArgs a = new DataArgs(List.of("--root", "/r", "--frames", "8"), Set.of("root", "frames", "out"), "u");
        assertEquals("/r", a.require("root", "u"));
        assertEquals(8, a.intValue("frames", 32));
        assertEquals("d", a.get("out", "d"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.require("out", "u"));
        assertTrue(e.getMessage().contains("--out"));
        assertThrows(IllegalArgumentException.class, () -> new DataArgs(List.of("--bogus", "1"), Set.of("root"), "u"));
        assertThrows(IllegalArgumentException.class, () -> new DataArgs(List.of("--root"), Set.of("root"), "u"));
        assertThrows(IllegalArgumentException.class, () -> new DataArgs(List.of("--frames", "0"), Set.of("frames"), "u")
                .intValue("frames", 1));
    }

    @Test
    void unknownLayoutIsNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DataCommands.adapter("dfdc", "c23"));
        assertTrue(e.getMessage().contains("dfdc"));
    }
}
