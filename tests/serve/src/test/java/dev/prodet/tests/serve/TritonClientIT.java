package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.tests.serve.support.EdgeRuntime;
import dev.prodet.tests.serve.support.Reference;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the hardening issue: the requests the Triton HTTP client (tritonclient.http) sends, byte for byte,
 * JSON-only and with the binary tensor data extension, are answered over HTTP with the tensors plain ONNX Runtime
 * computes, in the framing the client reads back (Inference-Header-Content-Length, binary outputs in order).
 */
class TritonClientIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static byte[] le(float[] x) {
        ByteBuffer b = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : x) {
            b.putFloat(f);
        }
        return b.array();
    }

    @Test
    void jsonAndBinaryRequestsRoundTripWithTheValuesOfOnnxRuntime() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        try (EdgeRuntime rt = new EdgeRuntime(dir, models, Map.of("pollMillis", "500"))) {
            ModelPackage pkg = TestPackages.export(models, "m", "1", 12, EdgeServeIT.facePreprocessor(rt));
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
            assertTrue(rt.get("/v2").json().get("extensions").toString().contains("binary_tensor_data"));
            float[] x = new float[2 * 3 * 64 * 64];
            Random r = new Random(12);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            long[] shape = {2, 3, 64, 64};
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI infer = URI.create("http://127.0.0.1:" + rt.port() + "/v2/models/m/infer");
            try (Reference ref = new Reference(pkg)) {
                // binary in, p_fake binary out, logits as JSON: InferInput(...).set_data_from_numpy(x) and
                // InferRequestedOutput("p_fake", binary_data=True), InferRequestedOutput("logits", binary_data=False)
                String header = "{\"inputs\":[{\"name\":\"image\",\"shape\":[2,3,64,64],\"datatype\":\"FP32\","
                        + "\"parameters\":{\"binary_data_size\":98304}}],\"outputs\":[{\"name\":\"p_fake\","
                        + "\"parameters\":{\"binary_data\":true}},{\"name\":\"logits\",\"parameters\":"
                        + "{\"binary_data\":false}}]}";
                byte[] json = header.getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes(json);
                body.writeBytes(le(x));
                HttpResponse<byte[]> resp = http.send(
                        HttpRequest.newBuilder(infer)
                                .header("Inference-Header-Content-Length", Integer.toString(json.length))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, resp.statusCode(), new String(resp.body(), StandardCharsets.UTF_8));
                assertEquals(
                        "application/octet-stream",
                        resp.headers().firstValue("Content-Type").orElse(""));
                int headLength = Integer.parseInt(resp.headers()
                        .firstValue("Inference-Header-Content-Length")
                        .orElseThrow());
                JsonNode head = JSON.readTree(Arrays.copyOf(resp.body(), headLength));
                assertEquals(
                        8, head.at("/outputs/0/parameters/binary_data_size").asInt());
                float[] p = new float[2];
                ByteBuffer.wrap(resp.body(), headLength, 8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer()
                        .get(p);
                assertEquals(headLength + 8, resp.body().length);
                assertArrayEquals(ref.output(x, shape, "p_fake"), p, 1e-6f);
                assertArrayEquals(
                        ref.output(x, shape, "logits"),
                        JSON.treeToValue(head.at("/outputs/1/data"), float[].class),
                        1e-5f);
                // JSON only, as set_data_from_numpy(x, binary_data=False) with binary_data=False outputs sends it
                StringBuilder data = new StringBuilder();
                for (float f : x) {
                    data.append(data.length() == 0 ? "" : ",").append(f);
                }
                String plain = "{\"inputs\":[{\"name\":\"image\",\"shape\":[2,3,64,64],\"datatype\":\"FP32\",\"data\":["
                        + data + "]}],\"outputs\":[{\"name\":\"p_fake\",\"parameters\":{\"binary_data\":false}}]}";
                EdgeRuntime.Answer a = rt.post("/v2/models/m/versions/1/infer", "application/json", plain.getBytes());
                assertEquals(200, a.status(), a.body());
                assertArrayEquals(
                        ref.output(x, shape, "p_fake"),
                        JSON.treeToValue(a.json().at("/outputs/0/data"), float[].class),
                        1e-6f);
            }
            // not ready and unknown: 4xx with the protocol's error object
            EdgeRuntime.Answer unknown = rt.get("/v2/models/nope/ready");
            assertEquals(404, unknown.status());
            assertTrue(unknown.json().hasNonNull("error"));
        }
    }
}
