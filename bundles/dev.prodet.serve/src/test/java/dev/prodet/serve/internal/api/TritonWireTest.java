package dev.prodet.serve.internal.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.io.Float16;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.TestRuntime;
import dev.prodet.serve.internal.repo.ModelRepository;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests as the Triton Python client (tritonclient.http) writes them, byte for byte: its JSON is rapidjson's
 * compact dump of {@code {"inputs": [...], "outputs": [...], "parameters": {...}}} in that key order, each input
 * {@code {"name", "shape", "datatype", "parameters"?, "data"?}}, each output {@code {"name", "parameters":
 * {"binary_data": b}}}; binary inputs follow the JSON as numpy's little-endian bytes, and the JSON's length goes in
 * {@code Inference-Header-Content-Length} (triton-inference-server/server docs/protocol/extension_binary_data.md).
 */
class TritonWireTest {
    @TempDir
    static Path repo;

    static ModelPackage pkg;
    static ModelRepository repository;
    static KServeApi api;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void serve() throws Exception {
        pkg = TestPackages.export(repo.resolve("models"), "m", "1", 7);
        repository = TestRuntime.repository(TestRuntime.settings(repo.resolve("models"), Map.of()));
        api = new KServeApi(new ModelAccess(repository, ""), "0.1.0", 4, false, () -> null);
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    static float[] image(long seed) {
        Random r = new Random(seed);
        float[] x = new float[3 * 64 * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static float[] direct(float[] x, String output) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(pkg.modelFile().toString());
                OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 3, 64, 64});
                OrtSession.Result r = s.run(Map.of("image", t))) {
            Object v = r.get(output).orElseThrow().getValue();
            return v instanceof float[] f ? f : ((float[][]) v)[0];
        }
    }

    static byte[] le(float[] x) {
        ByteBuffer b = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : x) {
            b.putFloat(f);
        }
        return b.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** The binary outputs of a reply, read as tritonclient's InferResult reads them: in output order, by size. */
    static Map<String, float[]> binaryOutputs(Reply r) {
        JsonNode head = JSON.valueToTree(r.body());
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        int at = 0;
        for (JsonNode o : head.get("outputs")) {
            JsonNode size = o.at("/parameters/binary_data_size");
            if (size.isMissingNode()) {
                continue;
            }
            FloatBuffer f = ByteBuffer.wrap(r.binary(), at, size.asInt())
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            float[] v = new float[f.remaining()];
            f.get(v);
            out.put(o.get("name").asText(), v);
            at += size.asInt();
        }
        assertEquals(r.binary().length, at, "the binary part holds exactly the declared outputs");
        return out;
    }

    @Test
    void binaryInputAndOutputsAsTheTritonClientSendsThem() throws Exception {
        float[] x = image(1);
        String header = "{\"inputs\":[{\"name\":\"image\",\"shape\":[1,3,64,64],\"datatype\":\"FP32\","
                + "\"parameters\":{\"binary_data_size\":49152}}],\"outputs\":[{\"name\":\"p_fake\",\"parameters\":"
                + "{\"binary_data\":true}},{\"name\":\"logits\",\"parameters\":{\"binary_data\":false}}]}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Reply r = api.infer("m", null, concat(json, le(x)), Integer.toString(json.length));
        JsonNode head = JSON.valueToTree(r.body());
        assertEquals(4, head.at("/outputs/0/parameters/binary_data_size").asInt());
        assertEquals("FP32", head.at("/outputs/0/datatype").asText());
        assertTrue(head.at("/outputs/0/data").isMissingNode(), "binary outputs carry no JSON data");
        assertArrayEquals(direct(x, "p_fake"), binaryOutputs(r).get("p_fake"), 1e-6f);
        float[] logits = JSON.treeToValue(head.at("/outputs/1/data"), float[].class);
        assertArrayEquals(direct(x, "logits"), logits, 1e-5f);
    }

    @Test
    void noOutputsNamedMeansEveryOutputAsBinary() throws Exception {
        float[] x = image(2);
        String header = "{\"inputs\":[{\"name\":\"image\",\"shape\":[1,3,64,64],\"datatype\":\"FP32\","
                + "\"parameters\":{\"binary_data_size\":49152}}],\"parameters\":{\"binary_data_output\":true}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Reply r = api.infer("m", "1", concat(json, le(x)), Integer.toString(json.length));
        Map<String, float[]> out = binaryOutputs(r);
        assertEquals(java.util.Set.of("p_fake", "logits", "attention"), out.keySet());
        assertArrayEquals(direct(x, "p_fake"), out.get("p_fake"), 1e-6f);
    }

    @Test
    void jsonTensorsWithBinaryDataFalseAreAnsweredInJson() throws Exception {
        float[] x = image(3);
        StringBuilder data = new StringBuilder();
        for (float f : x) {
            data.append(data.length() == 0 ? "" : ",").append(f);
        }
        String body = "{\"inputs\":[{\"name\":\"image\",\"shape\":[1,3,64,64],\"datatype\":\"FP32\",\"data\":[" + data
                + "]}],\"outputs\":[{\"name\":\"p_fake\",\"parameters\":{\"binary_data\":false}}]}";
        Reply r = api.infer("m", null, body.getBytes(StandardCharsets.UTF_8), null);
        assertNull(r.binary());
        float[] p = JSON.treeToValue(JSON.valueToTree(r.body()).at("/outputs/0/data"), float[].class);
        assertArrayEquals(direct(x, "p_fake"), p, 1e-6f);
    }

    @Test
    void halfPrecisionInputsAreWidenedExactly() throws Exception {
        float[] x = image(4);
        ByteBuffer half = ByteBuffer.allocate(2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        float[] rounded = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            short h = toHalf(x[i]);
            half.putShort(h);
            rounded[i] = Float16.toFloat(h);
        }
        String header = "{\"inputs\":[{\"name\":\"image\",\"shape\":[1,3,64,64],\"datatype\":\"FP16\","
                + "\"parameters\":{\"binary_data_size\":24576}}],\"outputs\":[{\"name\":\"p_fake\",\"parameters\":"
                + "{\"binary_data\":true}}]}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Reply r = api.infer("m", null, concat(json, half.array()), Integer.toString(json.length));
        assertArrayEquals(direct(rounded, "p_fake"), binaryOutputs(r).get("p_fake"), 1e-6f);
    }

    @Test
    void wrongSizesTypesAndParametersAreRefusedByName() {
        float[] x = image(5);
        String good = "{\"inputs\":[{\"name\":\"image\",\"shape\":[1,3,64,64],\"datatype\":\"FP32\","
                + "\"parameters\":{\"binary_data_size\":49152}}]}";
        byte[] json = good.getBytes(StandardCharsets.UTF_8);
        assertEquals(
                "bad-infer-request", // the header length cuts the JSON
                assertThrows(
                                ApiException.class,
                                () -> api.infer(
                                        "m", null, concat(json, le(image(5))).clone(), "40"))
                        .problem());
        byte[] cut = java.util.Arrays.copyOf(concat(json, le(x)), json.length + 100);
        assertEquals(
                "bad-data",
                assertThrows(ApiException.class, () -> api.infer("m", null, cut, Integer.toString(json.length)))
                        .problem());
        String uint8 = good.replace("FP32", "UINT8").replace("49152", "12288");
        ApiException bytes = assertThrows(
                ApiException.class,
                () -> api.infer(
                        "m",
                        null,
                        concat(uint8.getBytes(StandardCharsets.UTF_8), new byte[12288]),
                        Integer.toString(uint8.length())));
        assertEquals("bad-datatype", bytes.problem());
        assertTrue(bytes.getMessage().contains("FP16"), bytes.getMessage());
        String nested = good.replace("49152}", "49152,\"x\":{\"y\":1}}");
        assertEquals(
                "bad-infer-request",
                assertThrows(
                                ApiException.class,
                                () -> api.infer(
                                        "m",
                                        null,
                                        concat(nested.getBytes(StandardCharsets.UTF_8), le(x)),
                                        Integer.toString(nested.length())))
                        .problem(),
                "parameter values are scalars");
        float[] nan = image(6);
        nan[7] = Float.NaN;
        ApiException e = assertThrows(
                ApiException.class, () -> api.infer("m", null, concat(json, le(nan)), Integer.toString(json.length)));
        assertTrue(e.getMessage().contains("value 7 is nan"), e.getMessage());
    }

    @Test
    void nonFiniteOutputsAreQuotedInJson() throws Exception {
        InferRequest req = new InferRequest(null, java.util.List.of(), java.util.List.of(), false);
        Reply r = InferResponse.of(
                pkg.metadata(),
                req,
                java.util.List.of(new InferRequest.Output("p_fake", null)),
                Map.of("p_fake", new dev.prodet.serve.internal.infer.Tensor(new long[] {2}, new float[] {Float.NaN, 1
                })));
        assertEquals(
                "[\"NaN\",1.0]",
                JSON.writeValueAsString(JSON.valueToTree(r.body()).at("/outputs/0/data")));
    }

    /** Round-to-nearest-even binary16 of a float (what numpy's astype(float16) gives). */
    static short toHalf(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = bits & 0x7fffff;
        if (exp <= 0) {
            if (exp < -10) {
                return (short) sign;
            }
            mant |= 0x800000;
            int shift = 14 - exp;
            int half = mant >> shift;
            int rest = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rest > mid || rest == mid && (half & 1) == 1) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = sign | exp << 10 | mant >> 13;
        int rest = mant & 0x1fff;
        if (rest > 0x1000 || rest == 0x1000 && (half & 1) == 1) {
            half++;
        }
        return (short) half;
    }
}
