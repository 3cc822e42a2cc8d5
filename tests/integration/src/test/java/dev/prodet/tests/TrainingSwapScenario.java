package dev.prodet.tests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.data.DatasetProvider;
import dev.prodet.tests.support.Await;
import dev.prodet.tests.support.Gogo;
import dev.prodet.tests.support.SyntheticFaces;
import dev.prodet.train.api.Trainer;
import dev.prodet.train.api.TrainingRequest;
import dev.prodet.train.api.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The body of {@link TrainingSwapIT}, kept out of the test class so that JUnit's discovery, which reflects on the
 * test class outside the framework, never meets the platform's types.
 */
final class TrainingSwapScenario {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TrainingSwapScenario() {}

    static void run(BundleContext ctx) throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("prodet.dataset.name", "synthetic");
        ctx.registerService(DatasetProvider.class, new SyntheticFaces(), props);
        Trainer trainer = (Trainer) Await.service(ctx, Trainer.class.getName(), WAIT);
        ServiceReference<Trainer> trainerRef = ctx.getServiceReference(Trainer.class);
        Object trainerServiceId = trainerRef.getProperty("service.id");

        TrainingRun run = trainer.start(new TrainingRequest(Path.of("swap-it.yaml"), "swap-it", false, Map.of()));
        List<String> order = List.of("vht", "opr-tb-r2d2b", "opr-tb");
        long lastSwapStep = 0;
        for (String next : order) {
            long before = run.step();
            Await.until("training advances", () -> run.step() >= before + 3, true, WAIT);
            String out = Gogo.run(ctx, "prodet:swap regularizer " + next);
            assertTrue(out, out.contains("-> " + next));
            long at = run.step();
            Await.until("training continues after the swap to " + next, () -> run.step() >= at + 3, true, WAIT);
        }
        run.cancel();
        assertTrue("run ends after cancel", run.awaitCompletion(WAIT));
        assertFalse("no step failed: " + run.failure(), run.failure().isPresent());

        Path scalars = Path.of(ctx.getProperty("prodet.workspace"), "runs", "swap-it", "scalars.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> swaps = new ArrayList<>();
        String strategy = "opr-tb";
        long expectedStep = 0;
        for (String line : Files.readAllLines(scalars)) {
            JsonNode n = json.readTree(line);
            if (n.has("event") && n.get("event").asText().equals("swap")) {
                assertEquals(
                        "a swap happens before the step it names",
                        expectedStep,
                        n.get("step").asLong());
                assertEquals(strategy, n.get("from").asText());
                strategy = n.get("to").asText();
                swaps.add(n);
            } else if (n.has("loss")) {
                assertEquals(
                        "steps are consecutive", expectedStep, n.get("step").asLong());
                assertEquals(
                        "each step uses the strategy in force",
                        strategy,
                        n.get("strategy").asText());
                assertTrue(
                        "finite loss at step " + expectedStep,
                        Double.isFinite(n.get("loss").asDouble()));
                expectedStep++;
            }
        }
        assertEquals(3, swaps.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(order.get(i), swaps.get(i).get("to").asText());
            assertTrue("swaps in step order", swaps.get(i).get("step").asLong() > lastSwapStep);
            lastSwapStep = swaps.get(i).get("step").asLong();
        }
        assertEquals(
                "the trainer service was never re-created",
                trainerServiceId,
                ctx.getServiceReference(Trainer.class).getProperty("service.id"));
    }
}
