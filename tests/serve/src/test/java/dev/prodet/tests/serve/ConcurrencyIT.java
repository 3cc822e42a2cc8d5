package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.image.Images;
import dev.prodet.tests.serve.support.EdgeRuntime;
import dev.prodet.tests.serve.support.Probe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the hardening issue: 1,000 clients at once, each sending aligned crops one after the other and
 * waiting as {@code Retry-After} says when refused (they connect over the first two seconds): no connection fails, every answer is 200 or 429/503 with a JSON
 * error, and {@code /v2/health/live}, probed on its own connection every 25 ms during the load, answers with p99 ≤
 * 100 ms.
 */
class ConcurrencyIT {
    static final int CLIENTS = 1000;
    static final int REQUESTS_EACH = 4;
    static final long RAMP_MILLIS = 2000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aThousandClientsGetAnswersAndTheProbeStaysFast() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        try (EdgeRuntime rt = new EdgeRuntime(dir, models, Map.of("pollMillis", "500"))) {
            TestPackages.export(models, "m", "1", 9, EdgeServeIT.facePreprocessor(rt));
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
            byte[] crop = Images.encode(Images.gradient(96, 96), "jpeg");
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
            URI uri = URI.create("http://127.0.0.1:" + rt.port() + "/v1/detect?aligned=true");
            // warm up first (the JIT compiles the request path), as a server that has been up a while is
            Map<Integer, Integer> warm = new ConcurrentHashMap<>();
            List<String> warmFailures = new CopyOnWriteArrayList<>();
            CompletableFuture<?>[] warmers = new CompletableFuture<?>[16];
            for (int c = 0; c < warmers.length; c++) {
                warmers[c] = client(http, uri, crop, 30, warm, warmFailures);
            }
            CompletableFuture.allOf(warmers).get(2, TimeUnit.MINUTES);
            assertEquals(List.of(), warmFailures);
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            long t0 = System.nanoTime();
            CompletableFuture<?>[] clients = new CompletableFuture<?>[CLIENTS];
            try (Probe probe = new Probe(rt.port(), 25)) {
                for (int c = 0; c < CLIENTS; c++) {
                    // they connect over the first two seconds, as clients do, not within one millisecond; all
                    // 1,000 are then open at once (each sends its requests one after the other)
                    clients[c] = CompletableFuture.supplyAsync(
                                    () -> null,
                                    CompletableFuture.delayedExecutor(c * RAMP_MILLIS / CLIENTS, TimeUnit.MILLISECONDS))
                            .thenCompose(x -> client(http, uri, crop, REQUESTS_EACH, statuses, failures));
                }
                CompletableFuture.allOf(clients).get(4, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - t0) / 1e9;
                probe.close();
                System.out.printf(
                        "1000 clients: %d requests in %.1f s, statuses %s; liveness during the load: %d probes,"
                                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        CLIENTS * REQUESTS_EACH,
                        seconds,
                        new TreeMap<>(statuses),
                        probe.count(),
                        probe.quantileMillis(0.5),
                        probe.quantileMillis(0.99),
                        probe.quantileMillis(1.0));
                System.out.println("slow probes: " + probe.slow());
                assertEquals(List.of(), failures, "connection failures and answers that are not JSON");
                assertTrue(
                        statuses.keySet().stream().allMatch(s -> s == 200 || s == 429 || s == 503),
                        "only 200, 429 and 503: " + statuses);
                assertTrue(statuses.getOrDefault(200, 0) > 0, statuses.toString());
                assertEquals(List.of(), probe.failures());
                assertTrue(probe.count() > 50, "probed throughout the load: " + probe.count());
                assertTrue(probe.quantileMillis(0.99) <= 100, "liveness p99 " + probe.quantileMillis(0.99) + " ms");
            }
            assertTrue(rt.alive());
            assertTrue(!rt.log().contains("OutOfMemoryError"), rt.logTail());
        }
    }

    /** One client: {@code n} requests one after the other, waiting {@code Retry-After} when refused. */
    private static CompletableFuture<Void> client(
            HttpClient http, URI uri, byte[] crop, int n, Map<Integer, Integer> statuses, List<String> failures) {
        if (n == 0) {
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest req = HttpRequest.newBuilder(uri)
                .header("Content-Type", "image/jpeg")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(crop))
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> {
                    if (e != null) {
                        failures.add(e.toString());
                        return 0L;
                    }
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    try {
                        JsonNode j = JSON.readTree(r.body());
                        if (r.statusCode() == 200 ? !j.has("fakeness") : !j.hasNonNull("error")) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (Exception notJson) {
                        failures.add(r.statusCode() + " not JSON: " + r.body());
                    }
                    return r.statusCode() == 200
                            ? 0L
                            : r.headers().firstValueAsLong("Retry-After").orElse(1);
                })
                .thenCompose(wait -> CompletableFuture.supplyAsync(
                                () -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS))
                        .thenCompose(x -> client(http, uri, crop, n - 1, statuses, failures)));
    }
}
