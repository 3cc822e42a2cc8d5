package dev.prodet.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.tests.console.support.Browser;
import dev.prodet.tests.console.support.ConsoleRuntime;
import dev.prodet.tests.console.support.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a training runtime (features core, cli, train, http, console) while {@code prodet:train} runs a short
 * run on a small prepared dataset: the loss curve grows while the page is open; a regularizer swap clicked in the
 * page is applied at a step boundary and logged in scalars.jsonl (and marked on the curve); the export button
 * makes a model package of the latest checkpoint.
 */
class ConsoleTrainingIT {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String CONFIG = String.join(
            "\n",
            "run: {name: console-it, seed: 1, steps: 100000, budgetMinutes: 5, checkpointEvery: 10, logEvery: 50,",
            "      device: cpu, threads: 1}",
            "model: {backbone: compact, inputSize: 64, featureWidth: 16, hidden: 16}",
            "regularizer: {name: opr-tb}",
            "data: {provider: prepared, root: data/tiny, split: train, tuplesPerBatch: 2,",
            "       anchors: [REAL, SBI], generators: {SBI: sbi}, workers: 1, prefetch: 2}",
            "optimizer: {lr: 0.001, weightDecay: 0.0}",
            "");

    @TempDir
    static Path dir;

    static Path workspace;
    static ConsoleRuntime rt;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        workspace = Files.createDirectories(dir.resolve("workspace"));
        TinyDataset.write(workspace.resolve("data/tiny"), 4, 3);
        Files.writeString(workspace.resolve("console-it.yaml"), CONFIG);
        rt = new ConsoleRuntime(
                dir,
                "core,cli,train,http,console",
                Map.of("prodet.workspace", workspace.toString()),
                "prodet:train console-it.yaml");
        rt.await("/console/api/training/runs", 200, WAIT);
        browser = Browser.start(dir.resolve("profile"));
    }

    @AfterAll
    static void stop() throws Exception {
        ConsoleRuntime.closeAll(browser, rt);
    }

    @Test
    void curvesGrowLiveAndASwapClickedInThePageIsAppliedAtAStepBoundary() throws Exception {
        browser.open(rt.url("/console/index.html#training"));
        browser.until(
                "the run listed",
                WAIT,
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#runs-list li[data-run=console-it]")));
        int first = browser.until("a few steps on the curve", WAIT, steps(3));
        int later = browser.until("the curve grows while the page is open", WAIT, steps(first + 3));
        assertTrue(later >= first + 3);
        assertEquals("opr-tb", fact("regularizer"));

        new Select(browser.byId("swap-select")).selectByValue("vht");
        browser.byId("swap-button").click();
        browser.until(
                "the swap confirmed with its step",
                WAIT,
                ExpectedConditions.textMatches(
                        By.id("swap-message"), java.util.regex.Pattern.compile("opr-tb -> vht from step \\d+")));
        long swapStep = Long.parseLong(browser.byId("swap-message").getAttribute("data-step"));
        browser.until(
                "the swap marked on the curve",
                WAIT,
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#loss-chart .swap-marker[data-step='" + swapStep + "']")));
        browser.until("the run reports the new strategy", WAIT, d -> "vht".equals(fact("regularizer")));
        browser.until("steps after the swap", WAIT, steps(later + 3));
        appliedAtAStepBoundary(swapStep);

        browser.until(
                "a checkpoint listed",
                WAIT,
                ExpectedConditions.textMatches(By.id("checkpoints"), java.util.regex.Pattern.compile("step-")));
        browser.screenshot("console-training");
        browser.until("export enabled", WAIT, ExpectedConditions.elementToBeClickable(By.id("export-button")));
        browser.byId("export-button").click();
        browser.until(
                "the export done",
                WAIT,
                ExpectedConditions.textToBePresentInElementLocated(By.id("export-message"), "exported"));
        try (Stream<Path> s = Files.walk(workspace.resolve("models/console-it"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().equals("model.onnx")), "a model package");
        }
    }

    /** scalars.jsonl: a swap event at step S; steps before S used opr-tb, S and later vht. */
    static void appliedAtAStepBoundary(long swapStep) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(workspace.resolve("runs/console-it/scalars.jsonl"))) {
            lines.add(json.readTree(l));
        }
        JsonNode swap = lines.stream()
                .filter(n -> "swap".equals(n.path("event").asText()))
                .findFirst()
                .orElse(null);
        assertNotNull(swap, "a swap event in scalars.jsonl");
        assertEquals(swapStep, swap.get("step").asLong());
        assertEquals("opr-tb", swap.get("from").asText());
        assertEquals("vht", swap.get("to").asText());
        for (JsonNode n : lines) {
            if (n.has("loss")) {
                long step = n.get("step").asLong();
                assertEquals(
                        step < swapStep ? "opr-tb" : "vht", n.get("strategy").asText(), "step " + step);
            }
        }
    }

    static org.openqa.selenium.support.ui.ExpectedCondition<Integer> steps(int atLeast) {
        return (WebDriver d) -> {
            String n = d.findElement(By.id("loss-chart")).getAttribute("data-steps");
            int steps = n == null ? 0 : Integer.parseInt(n);
            return steps >= atLeast ? steps : null;
        };
    }

    static String fact(String name) {
        List<org.openqa.selenium.WebElement> dd =
                browser.driver().findElements(By.cssSelector("#run-facts dd[data-fact=" + name + "]"));
        return dd.isEmpty() ? null : dd.get(0).getText();
    }
}
