package dev.prodet.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.tests.dist.support.EdgeArchive;
import dev.prodet.tests.dist.support.EdgeServer;
import dev.prodet.tests.dist.support.FetchedAssets;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when: the x86-64 archive, unpacked into an empty folder and run with an empty HOME (and no PRODET_HOME, so no
 * asset or Maven cache of this machine can help), serves a model package and answers /v1/detect on a portrait and
 * /v2/health/ready. The token comes from a file, as a service unit passes it.
 */
class EdgeArchiveIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "edge-archive-it-token";

    @TempDir
    static Path dir;

    static Path home;
    static EdgeServer server;

    /** An empty HOME and no PRODET_HOME: nothing of the build machine's caches is reachable by name. */
    static Map<String, String> bareEnvironment(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PRODET_HOME", null);
        env.put("PRODET_JAVA_OPTS", null);
        return env;
    }

    @BeforeAll
    static void start() throws Exception {
        Path install = EdgeArchive.of("linux-x86_64").unpack(Files.createDirectories(dir.resolve("opt")));
        home = Files.createDirectories(dir.resolve("home"));
        Path models = Files.createDirectories(dir.resolve("models"));
        Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        server = new EdgeServer(
                install,
                dir.resolve("edge.log"),
                bareEnvironment(home),
                List.of("--models", models.toString(), "--token-file", token.toString(), "--heap", "512m"));
        JsonNode meta = awaitServerMetadata(server);
        String[] face = meta.get("face_preprocessor").asText().split("@");
        TestPackages.export(models, "m", "1", 19, new FacePreprocessorInfo(face[0], face[1]));
        server.awaitReady(Duration.ofSeconds(120));
    }

    /** GET /v2 until it answers with the face preprocessor the packages must declare. */
    static JsonNode awaitServerMetadata(EdgeServer s) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = s.get("/v2", "Authorization", "Bearer " + TOKEN);
                if (r.statusCode() == 200 && JSON.readTree(r.body()).hasNonNull("face_preprocessor")) {
                    return JSON.readTree(r.body());
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no /v2 answer with a face preprocessor:\n" + s.logTail());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesThePackageAndScoresAPortrait() throws Exception {
        // without the token, readiness only; with it, the models too
        HttpResponse<String> anonymous = server.get("/v2/health/ready");
        assertEquals(200, anonymous.statusCode(), anonymous.body());
        assertFalse(anonymous.body().contains("\"m\""), anonymous.body());
        HttpResponse<String> ready = server.get("/v2/health/ready", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"m\""), ready.body());
        byte[] jpg = Files.readAllBytes(FetchedAssets.portrait("grace_hopper.jpg"));
        HttpResponse<String> refused = server.post("/v1/detect", "image/jpeg", jpg);
        assertEquals(401, refused.statusCode(), "the token file is in force: " + refused.body());
        HttpResponse<String> r = server.post("/v1/detect", "image/jpeg", jpg, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body() + "\n" + server.logTail());
        JsonNode answer = JSON.readTree(r.body());
        JsonNode face = answer.at("/faces/0");
        double x = face.at("/box/0").asDouble();
        double w = face.at("/box/2").asDouble();
        assertTrue(x > 0 && x + w < 512 && w > 100, "a face inside the 512-px portrait: " + r.body());
        assertTrue(face.get("score").asDouble() > 0.5, r.body());
        double p = answer.get("fakeness").asDouble();
        assertTrue(p >= 0 && p <= 1, r.body());
        assertEquals("m", answer.get("model").asText());
    }

    @Test
    void nothingIsWrittenToTheHomeFolder() throws Exception {
        server.get("/v2/health/live");
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of(), s.toList(), "the archive keeps everything under its own folders");
        }
    }

    @Test
    void theArchiveOfAnotherPlatformSaysWhichOneToUse() throws Exception {
        Assumptions.assumeTrue(
                System.getProperty("os.arch").equals("amd64"), "checked on x86-64 with the ARM64 archive");
        Path other = EdgeArchive.of("linux-aarch64").unpack(Files.createDirectories(dir.resolve("other")));
        Process p = new ProcessBuilder(
                        other.resolve("bin/prodet-edge").toString(),
                        "--models",
                        Files.createDirectories(dir.resolve("other-models")).toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("no native libraries for linux-x86_64"), out);
    }
}
