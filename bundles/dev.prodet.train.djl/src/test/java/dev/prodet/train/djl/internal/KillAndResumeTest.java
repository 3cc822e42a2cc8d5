package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the trainer issue: a training process killed with SIGKILL and started again continues from its last
 * checkpoint, and with the same seed on CPU its losses equal those of an uninterrupted run.
 */
class KillAndResumeTest {
    private static final int STEPS = 40;

    @Test
    void sigkillThenResumeRepeatsTheUninterruptedLosses(@TempDir Path tmp) throws Exception {
        Path straight = tmp.resolve("straight");
        assertEquals(0, start(straight).waitFor());

        Path killed = tmp.resolve("killed");
        Process p = start(killed);
        Path marker = killed.resolve("checkpoints").resolve(String.format("step-%08d", 9));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.isDirectory(marker) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the process must still be training when it is killed");
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
        p.waitFor();
        Map<Long, Double> beforeKill = losses(killed);
        assertTrue(beforeKill.size() < STEPS, "killed before the end: " + beforeKill.size() + " steps logged");

        assertEquals(0, start(killed).waitFor());
        Map<Long, Double> expected = losses(straight);
        Map<Long, Double> resumed = losses(killed);
        assertEquals(expected.keySet(), resumed.keySet());
        assertEquals(expected, resumed);
    }

    private static Process start(Path runDir) throws Exception {
        Files.createDirectories(runDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dai.djl.offline=true",
                ResumableTrainingMain.class.getName(),
                runDir.toString(),
                String.valueOf(STEPS));
        return pb.redirectErrorStream(true)
                .redirectOutput(runDir.resolve("out.log").toFile())
                .start();
    }

    /** Losses by step from scalars.jsonl; a step logged twice (before and after the kill) must agree. */
    private static Map<Long, Double> losses(Path runDir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<Long, Double> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(runDir.resolve("scalars.jsonl"));
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = json.readTree(line);
            } catch (Exception partialLastLine) {
                continue; // the kill may cut the last line
            }
            if (n.has("loss")) {
                Double prev = out.put(n.get("step").asLong(), n.get("loss").asDouble());
                if (prev != null) {
                    assertEquals(prev, n.get("loss").asDouble(), "step " + n.get("step") + " repeated differently");
                }
            }
        }
        return out;
    }
}
