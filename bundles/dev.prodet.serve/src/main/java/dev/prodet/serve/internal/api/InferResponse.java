package dev.prodet.serve.internal.api;

import dev.prodet.api.model.ModelMetadata;
import dev.prodet.serve.internal.infer.Tensor;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inference answer: each requested output as JSON {@code data}, or as binary data after the JSON when the request
 * asked for it (per output {@code binary_data}, else the request's {@code binary_data_output}). Non-finite values in
 * JSON are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which JSON can carry and
 * numpy reads back.
 */
final class InferResponse {
    private InferResponse() {}

    static Reply of(ModelMetadata md, InferRequest req, List<InferRequest.Output> wanted, Map<String, Tensor> outputs) {
        List<Map<String, Object>> outs = new ArrayList<>();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        for (InferRequest.Output w : wanted) {
            Tensor t = outputs.get(w.name());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", w.name());
            o.put("datatype", "FP32");
            o.put("shape", t.shape());
            boolean asBinary = w.binary() != null ? w.binary() : req.binaryOutputs();
            if (asBinary) {
                byte[] bytes = TensorData.encode(t.data());
                o.put("parameters", Map.of("binary_data_size", bytes.length));
                binary.writeBytes(bytes);
            } else {
                o.put("data", t.data()); // Jackson quotes NaN and the infinities
            }
            outs.add(o);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_name", md.name());
        m.put("model_version", md.version());
        if (req.id() != null) {
            m.put("id", req.id());
        }
        m.put("outputs", outs);
        return new Reply(200, m, binary.size() == 0 ? null : binary.toByteArray());
    }
}
