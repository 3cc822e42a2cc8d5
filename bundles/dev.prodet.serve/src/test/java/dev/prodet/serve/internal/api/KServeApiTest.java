package dev.prodet.serve.internal.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.TestRuntime;
import dev.prodet.serve.internal.repo.ModelRepository;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KServeApiTest {
    @TempDir
    static Path repo;

    static ModelPackage pkg;
    static ModelRepository repository;
    static KServeApi api;
    static OpenApiSchema schema;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void serve() throws Exception {
        pkg = TestPackages.export(repo.resolve("models"), "m", "1", 3);
        repository = TestRuntime.repository(TestRuntime.settings(repo.resolve("models"), Map.of()));
        api = new KServeApi(new ModelAccess(repository, ""), "0.1.0", 4, false, () -> null);
        schema = new OpenApiSchema();
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    static JsonNode json(Object body) {
        return JSON.valueToTree(body);
    }

    static void conforms(String schemaName, Object body) {
        List<String> errors = schema.check(schemaName, json(body));
        assertEquals(List.of(), errors, schemaName + ": " + json(body));
    }

    static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** A request with the tensor nested as [N][3][S][S], as clients such as tritonclient send it. */
    static byte[] request(float[] x, int n, String extra) {
        StringBuilder sb = new StringBuilder("{\"id\":\"r1\",\"inputs\":[{\"name\":\"image\",\"shape\":[" + n
                + ",3,64,64],\"datatype\":\"FP32\",\"data\":[");
        int s = 64;
        for (int b = 0; b < n; b++) {
            sb.append(b > 0 ? ",[" : "[");
            for (int c = 0; c < 3; c++) {
                sb.append(c > 0 ? ",[" : "[");
                for (int y = 0; y < s; y++) {
                    sb.append(y > 0 ? ",[" : "[");
                    for (int xx = 0; xx < s; xx++) {
                        sb.append(xx > 0 ? "," : "").append(x[((b * 3 + c) * s + y) * s + xx]);
                    }
                    sb.append(']');
                }
                sb.append(']');
            }
            sb.append(']');
        }
        sb.append("]}]").append(extra).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void serverAndModelMetadataFollowTheSchema() throws Exception {
        conforms("metadata_server_response", api.server().body());
        Reply md = api.modelMetadata("m", null);
        conforms("metadata_model_response", md.body());
        JsonNode j = json(md.body());
        assertEquals("onnxruntime_onnx", j.get("platform").asText());
        assertEquals("[-1,3,64,64]", j.at("/inputs/0/shape").toString());
        assertEquals("FP32", j.at("/inputs/0/datatype").asText());
        assertEquals("[\"1\"]", j.get("versions").toString());
        assertEquals("CPU", j.at("/parameters/execution_provider").asText());
        conforms("metadata_model_response", api.modelMetadata("m", "1").body());
        assertEquals(200, api.modelReady("m", "1").status());
        assertEquals(200, api.ready(true).status());
        assertEquals(200, api.live().status());
    }

    @Test
    void inferAnswersTheSchemaWithTheValuesOfADirectSession() throws Exception {
        float[] x = random(2 * 3 * 64 * 64, 5);
        Reply r =
                api.infer("m", null, request(x, 2, ",\"outputs\":[{\"name\":\"p_fake\"},{\"name\":\"logits\"}]"), null);
        conforms("inference_response", r.body());
        JsonNode j = json(r.body());
        assertEquals("m", j.get("model_name").asText());
        assertEquals("1", j.get("model_version").asText());
        assertEquals("r1", j.get("id").asText());
        assertEquals(2, j.get("outputs").size());
        assertEquals("[2,2]", j.at("/outputs/1/shape").toString());
        float[] served = JSON.treeToValue(j.at("/outputs/0/data"), float[].class);
        assertTrue(
                Math.abs(served[0] - served[1]) > 1e-4,
                "the two images score differently: " + java.util.Arrays.toString(served));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(pkg.modelFile().toString());
                OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {2, 3, 64, 64});
                OrtSession.Result res = s.run(Map.of("image", t))) {
            assertArrayEquals((float[]) res.get("p_fake").orElseThrow().getValue(), served, 1e-6f);
        }
        Reply all = api.infer("m", "1", request(x, 1, ""), null);
        assertEquals(3, json(all.body()).get("outputs").size(), "no outputs named: all of them");
    }

    ApiException refused(String model, byte[] body) {
        ApiException e = assertThrows(ApiException.class, () -> api.infer(model, null, body, null));
        conforms("inference_error_response", e.body());
        return e;
    }

    @Test
    void badRequestsGet4xxErrorsNamingTheProblem() {
        float[] x = random(3 * 64 * 64, 1);
        assertEquals(404, refused("nope", request(x, 1, "")).status());
        assertTrue(refused("nope", request(x, 1, "")).getMessage().contains("models serving: [m]"));
        String ok = new String(request(x, 1, ""), StandardCharsets.UTF_8);
        ApiException shape = refused(
                "m",
                ok.replace("\"shape\":[1,3,64,64]", "\"shape\":[1,3,32,128]").getBytes());
        assertEquals("bad-shape", shape.problem());
        assertTrue(shape.getMessage().contains("[N, 3, 64, 64]"), shape.getMessage());
        assertEquals(
                "bad-datatype",
                refused("m", ok.replace("FP32", "INT64").getBytes()).problem());
        assertEquals(
                "bad-input",
                refused("m", ok.replace("\"image\"", "\"x\"").getBytes()).problem());
        assertEquals(
                "bad-data",
                refused("m", ok.replace("[1,3,64,64]", "[2,3,64,64]").getBytes())
                        .problem());
        assertEquals(
                "unknown-output",
                refused("m", request(x, 1, ",\"outputs\":[{\"name\":\"z\"}]")).problem());
        assertEquals(
                "bad-infer-request", refused("m", "{\"inputs\":".getBytes()).problem());
        assertEquals("bad-infer-request", refused("m", "[]".getBytes()).problem());
        assertEquals(
                "bad-infer-request",
                refused(
                                "m",
                                ok.replace("\"datatype\"", "\"parameters\":{\"binary_data_size\":16},\"datatype\"")
                                        .getBytes())
                        .problem());
        assertEquals(
                "bad-infer-request",
                refused("m", ok.replace("[[[", "[[[true,").getBytes()).problem());
        ApiException big = refused("m", request(random(5 * 3 * 64 * 64, 2), 5, ""));
        assertEquals(413, big.status(), "5 items > the limit of 4");
    }

    @Test
    void theSchemaCheckItselfCatchesViolations() {
        assertFalse(schema.check("inference_response", json(Map.of("model_name", "m")))
                .isEmpty());
        assertFalse(
                schema.check("metadata_tensor", json(Map.of("name", "x", "datatype", "FP32", "shape", List.of("a"))))
                        .isEmpty());
    }
}
