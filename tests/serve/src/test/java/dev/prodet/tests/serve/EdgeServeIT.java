package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.image.Images;
import dev.prodet.tests.serve.support.Assets;
import dev.prodet.tests.serve.support.EdgeRuntime;
import dev.prodet.tests.serve.support.EdgeRuntime.Answer;
import dev.prodet.tests.serve.support.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the serving issue: the edge runtime on loopback serves a package through /v1/detect and v2 infer
 * with the answers of plain ONNX Runtime; bad input gets a 4xx JSON error naming the problem.
 */
class EdgeServeIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static EdgeRuntime rt;
    static ModelPackage pkg;
    static Reference ref;

    @BeforeAll
    static void start() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        rt = new EdgeRuntime(dir, models, Map.of("pollMillis", "200", "maxBodyBytes", "3000000", "batching", "true"));
        FacePreprocessorInfo face = facePreprocessor(rt);
        pkg = TestPackages.export(models, "m", "1", 21, face); // published while the runtime runs
        rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
        ref = new Reference(pkg);
    }

    /** The runtime's face preprocessor, from /v2 (packages must declare it to load). */
    static FacePreprocessorInfo facePreprocessor(EdgeRuntime rt) throws Exception {
        JsonNode server = rt.await(
                        "/v2",
                        a -> a.status() == 200 && a.json().hasNonNull("face_preprocessor"),
                        Duration.ofSeconds(90))
                .json();
        String[] f = server.get("face_preprocessor").asText().split("@");
        return new FacePreprocessorInfo(f[0], f[1]);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ref != null) {
            ref.close();
        }
        if (rt != null) {
            rt.close();
        }
    }

    @Test
    void detectAnswersWithTheScoreOfPlainOnnxRuntime() throws Exception {
        byte[] crop = Images.encode(Images.gradient(90, 80), "png");
        Answer a = rt.post("/v1/detect?aligned=true", "image/png", crop);
        assertEquals(200, a.status(), a.body());
        JsonNode j = a.json();
        assertEquals(ref.pFake(crop), j.get("fakeness").floatValue(), 1e-6f, a.body());
        assertEquals("m", j.get("model").asText());
        assertEquals("1", j.get("version").asText());
        assertEquals(0.5, j.get("threshold").asDouble());
        assertEquals(
                j.get("fakeness").asDouble() >= 0.5 ? "fake" : "real",
                j.get("label").asText());
        assertEquals("[0.0,0.0,90.0,80.0]", j.at("/faces/0/box").toString());
        assertTrue(j.get("timings").has("infer") && j.get("timings").has("decode"), a.body());
        Answer multipart = rt.postMultipart("/v1/detect?aligned=true&model=m&version=1", "crop.png", "image/png", crop);
        assertEquals(200, multipart.status(), multipart.body());
        assertEquals(
                j.get("fakeness").asDouble(), multipart.json().get("fakeness").asDouble());
        JsonNode heat = rt.post("/v1/detect?aligned=true&heatmap=true", "image/png", crop)
                .json();
        String url = heat.at("/faces/0/heatmap").asText();
        assertTrue(url.startsWith("data:image/png;base64,"), heat.toString());
        assertEquals(
                64,
                javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                                java.util.Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))))
                        .getWidth());
        byte[] other = Images.encode(Images.gradient(40, 120), "png");
        assertEquals(
                ref.pFake(other),
                rt.post("/v1/detect?aligned=true", "image/png", other)
                        .json()
                        .get("fakeness")
                        .floatValue(),
                1e-6f);
        assertTrue(Math.abs(ref.pFake(other) - ref.pFake(crop)) > 1e-4, "different crops score differently");
    }

    @Test
    void v2InferAnswersWithTheTensorsOfPlainOnnxRuntime() throws Exception {
        float[] x = new float[2 * 3 * 64 * 64];
        Random r = new Random(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "image");
        input.put("shape", new long[] {2, 3, 64, 64});
        input.put("datatype", "FP32");
        input.put("data", x);
        byte[] body =
                JSON.writeValueAsBytes(Map.of("id", "t1", "inputs", new Object[] {input}, "outputs", new Object[] {
                    Map.of("name", "p_fake"), Map.of("name", "logits")
                }));
        Answer a = rt.post("/v2/models/m/versions/1/infer", "application/json", body);
        assertEquals(200, a.status(), a.body());
        JsonNode j = a.json();
        assertEquals("t1", j.get("id").asText());
        float[] p = JSON.treeToValue(j.at("/outputs/0/data"), float[].class);
        float[] logits = JSON.treeToValue(j.at("/outputs/1/data"), float[].class);
        long[] shape = {2, 3, 64, 64};
        assertArrayEquals(ref.output(x, shape, "p_fake"), p, 1e-6f);
        assertArrayEquals(ref.output(x, shape, "logits"), logits, 1e-5f);
        assertEquals("[2,2]", j.at("/outputs/1/shape").toString());
        JsonNode md = rt.get("/v2/models/m").json();
        assertEquals("CPU", md.at("/parameters/execution_provider").asText());
        assertEquals(200, rt.get("/v2/models/m/versions/1/ready").status());
        assertEquals(200, rt.get("/v2/health/live").status());
    }

    @Test
    void aPortraitGoesThroughTheFacePipeline() throws Exception {
        Path portrait = Assets.image("grace_hopper.jpg").orElse(null);
        Assumptions.assumeTrue(portrait != null, "portrait assets not fetched (scripts/fetch-assets.sh)");
        byte[] jpg = Files.readAllBytes(portrait);
        Answer a = rt.post("/v1/detect", "image/jpeg", jpg);
        assertEquals(200, a.status(), a.body());
        JsonNode face = a.json().at("/faces/0");
        double x = face.at("/box/0").asDouble();
        double w = face.at("/box/2").asDouble();
        assertTrue(x > 0 && x + w < 512 && w > 100, "a face box inside the 512-px portrait: " + a.body());
        assertTrue(face.get("score").asDouble() > 0.5, a.body());
        assertTrue(a.json().get("timings").get("face").asDouble() > 0, a.body());
        Answer multipart = rt.postMultipart("/v1/detect", "p.jpg", "image/jpeg", jpg);
        assertEquals(
                a.json().get("fakeness").asDouble(),
                multipart.json().get("fakeness").asDouble(),
                1e-9);
    }

    void refused(Answer a, int status, String problem, String words) {
        assertEquals(status, a.status(), a.body());
        JsonNode j = a.json();
        assertEquals(problem, j.get("problem").asText(), a.body());
        assertTrue(j.get("error").asText().contains(words), a.body());
    }

    @Test
    void badInputGets4xxJsonErrorsThatNameTheProblem() throws Exception {
        byte[] jpg = Images.encode(Images.gradient(64, 64), "jpeg");
        refused(rt.post("/v1/detect?aligned=true", "image/jpeg", new byte[0]), 400, "empty-body", "empty");
        Answer truncated = rt.post("/v1/detect?aligned=true", "image/jpeg", Arrays.copyOf(jpg, jpg.length / 2));
        assertEquals(400, truncated.status(), truncated.body());
        assertTrue(truncated.json().get("error").asText().contains("JPEG"), truncated.body());
        refused(
                rt.post("/v1/detect", "image/png", Images.pngDeclaring(100_000, 100_000)),
                413,
                "image-too-large",
                "100000x100000");
        refused(
                rt.post("/v1/detect", "image/png", "just some text".getBytes()),
                400,
                "not-an-image",
                "not a JPEG or PNG");
        refused(rt.post("/v1/detect", "image/jpeg", new byte[3_500_000]), 413, "body-too-large", "3000000");
        refused(rt.post("/v1/detect", "text/plain", jpg), 415, "unsupported-media-type", "text/plain");
        refused(rt.post("/v1/detect?aligned=true&model=nope", "image/jpeg", jpg), 404, "unknown-model", "nope");
        refused(rt.post("/v1/detect?aligned=true&version=9", "image/jpeg", jpg), 404, "unknown-version", "'9'");
        refused(rt.get("/v1/detect"), 405, "method-not-allowed", "POST");
        refused(
                rt.post("/v2/models/m/infer", "application/json", "{\"inputs\": [".getBytes()),
                400,
                "bad-infer-request",
                "JSON");
        refused(rt.post("/v2/models/nope/infer", "application/json", "{}".getBytes()), 404, "unknown-model", "nope");
        refused(rt.get("/v2/nothing/here"), 404, "no-endpoint", "/v2/nothing/here");
        assertTrue(rt.alive());
    }

    @Test
    void metricsExposeRequestsStagesBatchesAndReadiness() throws Exception {
        rt.post("/v1/detect?aligned=true", "image/png", Images.encode(Images.gradient(30, 30), "png"));
        Answer m = rt.get("/metrics");
        assertEquals(200, m.status());
        for (String name : new String[] {
            "prodet_requests_total{endpoint=\"detect\",status=\"200\"}",
            "prodet_stage_duration_seconds_bucket{stage=\"decode\"",
            "prodet_batch_size_bucket{model=\"m\"",
            "prodet_model_ready{model=\"m\",version=\"1\"} 1.0",
            "prodet_request_duration_seconds_count"
        }) {
            assertTrue(m.body().contains(name), name + " in\n" + m.body());
        }
        assertFalse(m.body().contains("status=\"500\""), m.body());
    }
}
