package dev.prodet.console.internal.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
    @TempDir
    Path ws;

    @Test
    void onlyRunIdsNamePathsUnderRuns() {
        RunFolders f = new RunFolders(ws);
        assertEquals(ws.resolve("runs/demo-1.b_2"), f.folder("demo-1.b_2"));
        for (String bad : new String[] {"..", "../etc", "a/b", "", ".hidden", "a\\b", "x%2F"}) {
            assertThrows(IllegalArgumentException.class, () -> f.folder(bad), bad);
        }
    }

    @Test
    void runsOnDiskNewestFirstAndTheirCheckpoints() throws Exception {
        Path old = Files.createDirectories(ws.resolve("runs/old"));
        Files.writeString(old.resolve("scalars.jsonl"), "{}\n");
        Files.setLastModifiedTime(old.resolve("scalars.jsonl"), FileTime.fromMillis(1_000));
        Path recent = Files.createDirectories(ws.resolve("runs/recent"));
        Files.writeString(recent.resolve("scalars.jsonl"), "{}\n");
        Files.createDirectories(ws.resolve("runs/empty"));
        assertEquals(List.of("recent", "old"), new RunFolders(ws).onDisk());

        Files.createDirectories(recent.resolve("checkpoints/step-00000009"));
        Files.writeString(recent.resolve("checkpoints/step-00000009/state.json"), "{}");
        Files.createDirectories(recent.resolve("checkpoints/step-00000019"));
        List<Map<String, Object>> cps = RunFolders.checkpoints(recent);
        assertEquals(2, cps.size());
        assertEquals("step-00000009", cps.get(0).get("name"));
        assertEquals(true, cps.get(0).get("complete"));
        assertEquals(false, cps.get(1).get("complete"), "no state.json yet: being written");
        assertEquals(List.of(), RunFolders.checkpoints(old));
        assertEquals(List.of(), new RunFolders(ws.resolve("nothing")).onDisk());
    }
}
