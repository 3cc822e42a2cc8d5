package dev.prodet.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginTableTest {
    private static PluginInfo plugin(String kind, String name, int ranking) {
        return new PluginInfo(kind, name, "1.0.0", name + " plugin", ranking, 1L, "bundle.x 1.0.0");
    }

    @Test
    void oneSectionPerKindWithTheBoundPluginsMarked() {
        String table = PluginTable.render(
                List.of(
                        plugin("backbone", "compact", 0),
                        plugin("regularizer", "opr-tb", 10),
                        plugin("regularizer", "vht", 0)),
                Map.of("regularizer", List.of("vht")));
        String[] lines = table.split("\\R");
        assertEquals("backbone", lines[0]);
        assertTrue(lines[1].contains("NAME") && lines[1].contains("RANKING"), lines[1]);
        assertTrue(lines[2].trim().startsWith("compact"), lines[2]);
        assertEquals("", lines[3]);
        assertEquals("regularizer", lines[4]);
        assertTrue(lines[6].trim().startsWith("opr-tb") && !lines[6].contains("*"), lines[6]);
        assertTrue(lines[7].startsWith("  *  vht"), lines[7]);
        assertEquals("* = in use by a consumer", lines[lines.length - 1]);
    }

    @Test
    void emptyListSaysSo() {
        assertEquals("no plugins registered", PluginTable.render(List.of(), Map.of()));
    }

    @Test
    void noConsumersNoLegend() {
        String table = PluginTable.render(List.of(plugin("generator", "sbi", 0)), Map.of());
        assertTrue(!table.contains("in use"), table);
        assertTrue(table.endsWith("sbi plugin"), table);
    }
}
