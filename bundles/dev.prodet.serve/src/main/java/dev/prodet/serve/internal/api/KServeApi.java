package dev.prodet.serve.internal.api;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.TensorSpec;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.infer.RunResult;
import dev.prodet.serve.internal.infer.Tensor;
import dev.prodet.serve.internal.repo.Lease;
import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.repo.ServedVersion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * KServe v2 open inference protocol: server and model metadata, health, and inference with JSON tensors or the binary
 * tensor data extension (Triton's clients send both). Bodies follow the protocol's schema
 * ({@code kserve-v2-rest.yaml}); this server adds the execution provider to model metadata under
 * {@code parameters}.
 */
public final class KServeApi {
    /** Triton's platform name for ONNX Runtime models. */
    static final String PLATFORM = "onnxruntime_onnx";

    private final ModelAccess models;
    private final String serverVersion;
    private final int maxBatch;
    private final boolean management;
    private final Supplier<FacePreprocessorInfo> face;

    /**
     * @param models model access
     * @param serverVersion version reported by {@code /v2}
     * @param maxBatch items per inference request at most
     * @param management whether the model-repository extension (load, unload) is on
     * @param face the face preprocessor in use (null result when none), reported by {@code /v2}
     */
    public KServeApi(
            ModelAccess models,
            String serverVersion,
            int maxBatch,
            boolean management,
            Supplier<FacePreprocessorInfo> face) {
        this.models = models;
        this.serverVersion = serverVersion;
        this.maxBatch = maxBatch;
        this.management = management;
        this.face = face;
    }

    /** {@code GET /v2}. */
    public Reply server() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "prodet-edge");
        m.put("version", serverVersion);
        m.put(
                "extensions",
                management ? List.of("binary_tensor_data", "model_repository") : List.of("binary_tensor_data"));
        FacePreprocessorInfo f = face.get();
        // beyond the protocol: which face crops /v1/detect makes, so packages can be made for this server
        m.put("face_preprocessor", f == null ? null : f.toString());
        return Reply.ok(m);
    }

    /** {@code GET /v2/health/live}: the process answers. */
    public Reply live() {
        return Reply.ok(Map.of("live", true));
    }

    /**
     * {@code GET /v2/health/ready}: the repository was read and every model found has a serving version; 400 when not
     * (the protocol's health answers are 200 or 4xx).
     *
     * @param detailed with the models, their execution providers and the reason; an unauthenticated probe learns
     *     readiness only
     */
    public Reply ready(boolean detailed) {
        ModelRepository repo = models.repository();
        List<String> notReady = repo.notServing();
        boolean ok = repo.scanned() && notReady.isEmpty() && !repo.modelNames().isEmpty();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", ok);
        if (detailed) {
            m.put("models", repo.modelNames());
            Map<String, String> providers = new LinkedHashMap<>(); // where each version runs (CPU, CUDA, fallback)
            for (String name : repo.modelNames()) {
                repo.serving(name)
                        .forEach(v -> providers.put(
                                name + "/" + v.version(), v.model().provider()));
            }
            m.put("execution_providers", providers);
            if (!ok) {
                m.put(
                        "error",
                        !repo.scanned()
                                ? "the model repository has not been read yet"
                                : repo.modelNames().isEmpty()
                                        ? "no model is serving from " + repo.describeRoot()
                                        : "models without a serving version: " + notReady);
            }
        } else if (!ok) {
            m.put("error", "not ready");
        }
        return new Reply(ok ? 200 : 400, m);
    }

    /** {@code GET /v2/models/{name}[/versions/{v}]}. */
    public Reply modelMetadata(String name, String version) throws ApiException {
        try (Lease lease = models.lease(name, version)) {
            ModelMetadata md = lease.version().metadata();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", md.name());
            m.put(
                    "versions",
                    models.repository().serving(name).stream()
                            .map(ServedVersion::version)
                            .toList());
            m.put("platform", PLATFORM);
            m.put("inputs", md.inputs().stream().map(KServeApi::tensorMetadata).toList());
            m.put(
                    "outputs",
                    md.outputs().stream().map(KServeApi::tensorMetadata).toList());
            // parameter values are scalars in the protocol: the labels go as one comma-separated string
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("version", md.version());
            p.put("execution_provider", lease.version().model().provider());
            p.put("threshold", md.threshold());
            p.put("labels", String.join(",", md.labels()));
            p.put("face_preprocessor", md.preprocessing().facePreprocessor().toString());
            p.put("sha256", md.sha256()); // the digest checked before loading (the console's Models page)
            m.put("parameters", p);
            return Reply.ok(m);
        }
    }

    /** {@code GET /v2/models/{name}[/versions/{v}]/ready}. */
    public Reply modelReady(String name, String version) throws ApiException {
        try (Lease lease = models.lease(name, version)) {
            return Reply.ok(Map.of("name", name, "version", lease.version().version(), "ready", true));
        }
    }

    /** {@code POST /v2/models/{name}[/versions/{v}]/infer} with JSON tensors or binary tensor data. */
    public Reply infer(String name, String version, byte[] body, String headerLength) throws ApiException {
        try (Lease lease = models.lease(name, version)) {
            ServedVersion sv = lease.version();
            long itemSize = sv.model().itemSize();
            InferRequest req = InferRequestParser.parse(body, headerLength, itemSize * maxBatch);
            ModelMetadata md = sv.metadata();
            InferRequest.Input in = checkInput(req, md, sv.model().itemShape());
            List<InferRequest.Output> wanted = req.outputs().isEmpty()
                    ? md.outputs().stream()
                            .map(o -> new InferRequest.Output(o.name(), null))
                            .toList()
                    : req.outputs();
            for (InferRequest.Output w : wanted) {
                if (md.outputs().stream().noneMatch(o -> o.name().equals(w.name()))) {
                    throw ApiException.badRequest(
                            "unknown-output",
                            "model " + name + " has no output '" + w.name() + "'; its outputs: "
                                    + md.outputs().stream()
                                            .map(TensorSpec::name)
                                            .toList());
                }
            }
            RunResult r = ModelAccess.run(lease, in.data(), (int) in.shape()[0]);
            return InferResponse.of(md, req, wanted, r.outputs());
        }
    }

    private InferRequest.Input checkInput(InferRequest req, ModelMetadata md, long[] itemShape) throws ApiException {
        String expected = md.inputs().get(0).name();
        if (req.inputs().size() != 1 || !req.inputs().get(0).name().equals(expected)) {
            throw ApiException.badRequest(
                    "bad-input",
                    "model " + md.name() + " takes exactly one input '" + expected + "', got "
                            + req.inputs().stream()
                                    .map(i -> "'" + i.name() + "'")
                                    .toList());
        }
        InferRequest.Input in = req.inputs().get(0);
        long[] s = in.shape();
        if (s.length != itemShape.length + 1
                || s[0] < 1
                || s[0] > maxBatch
                || !Arrays.equals(Arrays.copyOfRange(s, 1, s.length), itemShape)) {
            throw ApiException.badRequest(
                    "bad-shape",
                    "input '" + expected + "' must have shape [N, "
                            + Arrays.toString(itemShape).replaceAll("[\\[\\]]", "") + "] with 1 <= N <= " + maxBatch
                            + ", got " + Arrays.toString(s));
        }
        if (in.data().length != Tensor.elements(s)) {
            throw ApiException.badRequest(
                    "bad-data",
                    "input '" + expected + "' of shape " + Arrays.toString(s) + " needs " + Tensor.elements(s)
                            + " values, got " + in.data().length);
        }
        return in;
    }

    private static Map<String, Object> tensorMetadata(TensorSpec t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("datatype", datatype(t.dtype()));
        m.put("shape", t.shape());
        return m;
    }

    /** KServe datatype of an ONNX element type name. */
    static String datatype(String onnx) {
        return switch (onnx) {
            case "float32", "float" -> "FP32";
            case "float16" -> "FP16";
            case "bfloat16" -> "BF16";
            case "float64", "double" -> "FP64";
            case "bool" -> "BOOL";
            case "string" -> "BYTES";
            default -> onnx.toUpperCase(); // int8, uint8, int32, int64 ... match already
        };
    }
}
