package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void budgetedRunShowsElapsedAndRemainingTimeNotTheStepCap() {
        ProgressReporter p = new ProgressReporter(out, 100_000, 20, Duration.ofMinutes(15), now::get, false);
        now.addAndGet(Duration.ofSeconds(192).toNanos());
        p.step(new TrainingSession.StepResult(459, 0.5, Map.of()), "opr-tb", 80);
        String line = printed();
        assertTrue(line.startsWith("[train] step 460  3:12 elapsed, 11:48 left of 15:00  loss 0.5000"), line);
        assertFalse(line.contains("100000"), line);
    }

    @Test
    void remainingTimeNeverGoesNegativeAndHoursAreShown() {
        ProgressReporter p = new ProgressReporter(out, 10, 1, Duration.ofMinutes(90), now::get, false);
        now.addAndGet(Duration.ofMinutes(95).toNanos());
        assertEquals("step 3  1:35:00 elapsed, 0:00 left of 1:30:00", p.position(3));
    }

    @Test
    void runWithoutBudgetShowsStepsOfTotal() {
        ProgressReporter p = new ProgressReporter(out, 200, 20, null, now::get, false);
        p.step(new TrainingSession.StepResult(0, 1.25, Map.of()), "vht", 10);
        p.step(new TrainingSession.StepResult(1, 1.0, Map.of()), "vht", 10);
        p.step(new TrainingSession.StepResult(19, 0.75, Map.of()), "vht", 10);
        assertEquals(
                "[train] step 1/200  loss 1.2500  vht  10.0 img/s%n[train] step 20/200  loss 0.7500  vht  10.0 img/s%n"
                        .formatted(),
                printed());
    }

    @Test
    void terminalBarFillsWithTheBudgetsTime() {
        ProgressReporter p = new ProgressReporter(out, 100_000, 20, Duration.ofMinutes(10), now::get, true);
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        p.step(new TrainingSession.StepResult(9, 0.5, Map.of()), "opr-tb", 80);
        assertTrue(
                printed().startsWith("\r[" + "#".repeat(15) + " ".repeat(15) + "] step 10  5:00 elapsed"), printed());
    }
}
