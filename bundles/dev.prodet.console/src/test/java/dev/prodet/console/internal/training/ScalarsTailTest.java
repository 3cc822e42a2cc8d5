package dev.prodet.console.internal.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalarsTailTest {
    @TempDir
    Path dir;

    @Test
    void readsWholeLinesOnFromAnOffsetAndLeavesAnUnfinishedOne() throws Exception {
        Path f = dir.resolve("scalars.jsonl");
        Files.writeString(f, "{\"step\":0,\"loss\":1.5}\n{\"event\":\"swap\",\"step\":1}\n{\"step\":1,\"lo");
        ScalarsTail.Chunk c = ScalarsTail.read(f, 0, 1 << 16);
        assertEquals(2, c.records().size());
        assertEquals(1.5, c.records().get(0).get("loss").asDouble());
        assertEquals("swap", c.records().get(1).get("event").asText());
        long next = c.next();
        assertEquals(Files.readString(f).lastIndexOf('\n') + 1, next);

        assertEquals(0, ScalarsTail.read(f, next, 1 << 16).records().size(), "the unfinished line waits");
        Files.writeString(f, "ss\":0.5}\n", StandardOpenOption.APPEND);
        ScalarsTail.Chunk more = ScalarsTail.read(f, next, 1 << 16);
        assertEquals(1, more.records().size());
        assertEquals(0.5, more.records().get(0).get("loss").asDouble());
        assertEquals(Files.size(f), more.next());
    }

    @Test
    void aBoundedPieceAtATimeAndBadLinesSkipped() throws Exception {
        Path f = dir.resolve("scalars.jsonl");
        StringBuilder sb = new StringBuilder("not json\n[1,2]\n");
        for (int i = 0; i < 100; i++) {
            sb.append("{\"step\":").append(i).append("}\n");
        }
        Files.writeString(f, sb.toString());
        long offset = 0;
        int records = 0;
        int skipped = 0;
        int calls = 0;
        while (offset < Files.size(f)) {
            ScalarsTail.Chunk c = ScalarsTail.read(f, offset, 64);
            records += c.records().size();
            skipped += c.skipped();
            offset = c.next();
            calls++;
        }
        assertEquals(100, records);
        assertEquals(2, skipped);
        assertEquals(true, calls > 10, "64-byte pieces: " + calls);
    }

    @Test
    void aLineLongerThanAPieceIsSkippedNotStuckOn() throws Exception {
        Path f = dir.resolve("scalars.jsonl");
        Files.write(f, ("{\"x\":\"" + "a".repeat(200) + "\"}\n{\"step\":7}\n").getBytes(StandardCharsets.UTF_8));
        long offset = 0;
        int steps = 0;
        for (int i = 0; i < 20 && offset < Files.size(f); i++) {
            ScalarsTail.Chunk c = ScalarsTail.read(f, offset, 64);
            steps += (int) c.records().stream().filter(n -> n.has("step")).count();
            offset = c.next();
        }
        assertEquals(Files.size(f), offset);
        assertEquals(1, steps);
    }

    @Test
    void noFileYetIsAnEmptyStartAndANegativeOffsetIsRefused() throws Exception {
        ScalarsTail.Chunk c = ScalarsTail.read(dir.resolve("none.jsonl"), 0, 64);
        assertEquals(0, c.records().size());
        assertEquals(0, c.next());
        assertThrows(IllegalArgumentException.class, () -> ScalarsTail.read(dir.resolve("none.jsonl"), -1, 64));
    }
}
