package dev.prodet.tests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The body of {@link TrainingSwapIT#twoRunsKeepTheirOwnRegularizer()}: two runs in one runtime with different
 * regularizers keep their own; a swap addressed to one run (Gogo and the deploy/ file route) leaves the other
 * unchanged; the strategy bundle stopped mid-run leaves both runs waiting at a step boundary, and they go on when it
 * is started again.
 */
final class PerRunRegularizerScenario {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private PerRunRegularizerScenario() {}

    static void run(BundleContext ctx, String config) throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("prodet.dataset.name", "synthetic");
        ServiceRegistration<DatasetProvider> data =
                ctx.registerService(DatasetProvider.class, new SyntheticFaces(), props);
        Trainer trainer = (Trainer) Await.service(ctx, Trainer.class.getName(), WAIT);
        TrainingRun a = trainer.start(new TrainingRequest(Path.of(config), "run-a", false, Map.of()));
        TrainingRun b =
                trainer.start(new TrainingRequest(Path.of(config), "run-b", false, Map.of("regularizer.name", "vht")));
        try {
            advance(a, 3);
            advance(b, 3);
            assertEquals("opr-tb", a.strategy());
            assertEquals("vht", b.strategy());
            assertEquals(Path.of(ctx.getProperty("prodet.workspace"), "runs", "run-a"), a.folder());
            assertEquals("run-b", b.request().runId());

            try {
                Gogo.run(ctx, "prodet:swap regularizer opr-mc");
                fail("a regularizer swap without --run must be refused while two runs are going");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("2 runs are going"));
            }
            String out = Gogo.run(ctx, "prodet:swap --run run-a regularizer opr-tb-r2d2b");
            assertTrue(out, out.contains("run run-a: regularizer opr-tb -> opr-tb-r2d2b"));
            advance(a, 3);
            advance(b, 3);
            assertEquals("opr-tb-r2d2b", a.strategy());
            assertEquals("vht", b.strategy());

            strategyBundleStoppedAndStarted(ctx, a, b);

            // ./prodet swap regularizer opr-tb --run run-b writes this file
            Path deploy = Path.of(ctx.getProperty("felix.fileinstall.dir"));
            Files.writeString(
                    deploy.resolve("dev.prodet.swap-regularizer-run-b.cfg"),
                    "kind=regularizer\nname=opr-tb\nrun=run-b\n");
            Await.until("the file route swaps run-b", b::strategy, "opr-tb", WAIT);
            advance(a, 2);
            assertEquals("opr-tb-r2d2b", a.strategy());
        } finally {
            a.cancel();
            b.cancel();
            assertTrue(a.awaitCompletion(WAIT) && b.awaitCompletion(WAIT));
            data.unregister();
        }
        assertFalse("run-a failed: " + a.failure(), a.failure().isPresent());
        assertFalse("run-b failed: " + b.failure(), b.failure().isPresent());

        List<String> aStrategies = stepStrategies(a.folder());
        List<String> bStrategies = stepStrategies(b.folder());
        assertEquals("opr-tb", aStrategies.get(0));
        assertEquals("opr-tb-r2d2b", aStrategies.get(aStrategies.size() - 1));
        assertFalse("run-a never used run-b's strategy", aStrategies.contains("vht"));
        assertEquals("vht", bStrategies.get(0));
        assertEquals("opr-tb", bStrategies.get(bStrategies.size() - 1));
        assertFalse("run-b never used run-a's swapped-in strategy", bStrategies.contains("opr-tb-r2d2b"));
        assertEquals(List.of("opr-tb>opr-tb-r2d2b", "opr-tb-r2d2b>opr-tb-r2d2b"), swaps(a.folder()));
        assertEquals(List.of("vht>vht", "vht>opr-tb"), swaps(b.folder()));
    }

    /** Stops the bundle of every OPR strategy: both runs wait at a boundary, then go on when it is back. */
    private static void strategyBundleStoppedAndStarted(BundleContext ctx, TrainingRun a, TrainingRun b)
            throws Exception {
        Bundle opr = null;
        for (Bundle x : ctx.getBundles()) {
            if ("dev.prodet.regularizer.opr".equals(x.getSymbolicName())) {
                opr = x;
            }
        }
        assertTrue("the strategy bundle is installed", opr != null);
        opr.stop();
        Await.until("run-a waits", () -> a.waitingFor().isPresent(), true, WAIT);
        Await.until("run-b waits", () -> b.waitingFor().isPresent(), true, WAIT);
        assertTrue(a.waitingFor().orElseThrow(), a.waitingFor().orElseThrow().contains("opr-tb-r2d2b"));
        long stoppedAt = a.step();
        Thread.sleep(500);
        assertEquals("no step is taken without a strategy", stoppedAt, a.step());
        assertEquals("RUNNING", a.state().name());
        opr.start();
        Await.until("run-a goes on", () -> a.waitingFor().isPresent(), false, WAIT);
        advance(a, 2);
        advance(b, 2);
        assertNotEquals(stoppedAt, a.step());
    }

    private static void advance(TrainingRun run, int steps) throws InterruptedException {
        long before = run.step();
        Await.until(run.id() + " advances", () -> run.step() >= before + steps, true, WAIT);
    }

    private static List<String> stepStrategies(Path runDir) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : lines(runDir)) {
            if (n.has("loss")) {
                out.add(n.get("strategy").asText());
            }
        }
        return out;
    }

    private static List<String> swaps(Path runDir) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : lines(runDir)) {
            if ("swap".equals(n.path("event").asText())) {
                out.add(n.get("from").asText() + ">" + n.get("to").asText());
            }
        }
        return out;
    }

    private static List<JsonNode> lines(Path runDir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("scalars.jsonl"))) {
            out.add(json.readTree(line));
        }
        return out;
    }
}
