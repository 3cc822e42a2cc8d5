package dev.prodet.serve.internal.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a KServe v2 inference request body into tensors without building a JSON tree (a 1×3×256×256 input is
 * 200 000 numbers). Tensor data may be flat or nested; the number of values is capped while parsing. Binary tensor
 * data (the {@code binary_data_size} extension) is refused.
 */
public final class InferRequestParser {
    private static final JsonFactory JSON = new JsonFactory();

    private InferRequestParser() {}

    /**
     * Parses a request.
     *
     * @param maxValues values across all inputs at most
     * @throws ApiException 400 naming the field for malformed requests, 413 for too many values
     */
    public static InferRequest parse(byte[] body, long maxValues) throws ApiException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad("the body must be a JSON object with \"inputs\"");
            }
            String id = null;
            List<InferRequest.Input> inputs = null;
            List<String> outputs = new ArrayList<>();
            long[] budget = {maxValues};
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "id" -> id = text(p, t, "id");
                    case "inputs" -> inputs = inputs(p, t, budget);
                    case "outputs" -> outputs = outputs(p, t);
                    default -> p.skipChildren(); // "parameters" and extensions
                }
            }
            if (inputs == null) {
                throw bad("the request has no \"inputs\"");
            }
            return new InferRequest(id, inputs, outputs);
        } catch (IOException e) {
            throw bad("the body is not valid JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static List<InferRequest.Input> inputs(JsonParser p, JsonToken t, long[] budget)
            throws IOException, ApiException {
        if (t != JsonToken.START_ARRAY) {
            throw bad("\"inputs\" must be an array");
        }
        List<InferRequest.Input> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw bad("each of \"inputs\" must be an object");
            }
            String name = null;
            String datatype = null;
            long[] shape = null;
            float[] data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "name" -> name = text(p, v, "inputs[].name");
                    case "datatype" -> datatype = text(p, v, "inputs[].datatype");
                    case "shape" -> shape = shape(p, v);
                    case "data" -> data = data(p, v, budget);
                    case "parameters" -> parameters(p, v);
                    default -> p.skipChildren();
                }
            }
            if (name == null || datatype == null || shape == null || data == null) {
                throw bad("input " + (name == null ? "#" + out.size() : "'" + name + "'")
                        + " needs name, shape, datatype and data");
            }
            out.add(new InferRequest.Input(name, shape, datatype, data));
        }
        return out;
    }

    private static List<String> outputs(JsonParser p, JsonToken t) throws IOException, ApiException {
        if (t != JsonToken.START_ARRAY) {
            throw bad("\"outputs\" must be an array");
        }
        List<String> names = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw bad("each of \"outputs\" must be an object with a name");
            }
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("name")) {
                    name = text(p, v, "outputs[].name");
                } else if (field.equals("parameters")) {
                    parameters(p, v);
                } else {
                    p.skipChildren();
                }
            }
            if (name == null) {
                throw bad("each of \"outputs\" needs a name");
            }
            names.add(name);
        }
        return names;
    }

    private static void parameters(JsonParser p, JsonToken t) throws IOException, ApiException {
        if (t != JsonToken.START_OBJECT) {
            throw bad("\"parameters\" must be an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.currentName().equals("binary_data_size") || p.currentName().equals("binary_data")) {
                throw bad("binary tensor data is not supported; send the values in \"data\"");
            }
            p.nextToken();
            p.skipChildren();
        }
    }

    private static long[] shape(JsonParser p, JsonToken t) throws IOException, ApiException {
        if (t != JsonToken.START_ARRAY) {
            throw bad("\"shape\" must be an array of integers");
        }
        long[] dims = new long[8];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || n == dims.length) {
                throw bad("\"shape\" must be an array of at most 8 integers");
            }
            dims[n++] = p.getLongValue();
        }
        return Arrays.copyOf(dims, n);
    }

    private static float[] data(JsonParser p, JsonToken t, long[] budget) throws IOException, ApiException {
        if (t != JsonToken.START_ARRAY) {
            throw bad("\"data\" must be an array of numbers");
        }
        float[] buf = new float[1024];
        int n = 0;
        int depth = 1;
        while (depth > 0) {
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
                depth++;
            } else if (v == JsonToken.END_ARRAY) {
                depth--;
            } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                if (--budget[0] < 0) {
                    throw new ApiException(
                            413,
                            "tensor-too-large",
                            "the request holds more tensor values than" + " the limit of this server");
                }
                float f = p.getFloatValue();
                if (!Float.isFinite(f)) {
                    throw bad("\"data\" value " + p.getText() + " is not a finite 32-bit float");
                }
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, n * 2);
                }
                buf[n++] = f;
            } else {
                throw bad("\"data\" must hold numbers only, found " + v);
            }
        }
        return Arrays.copyOf(buf, n);
    }

    private static String text(JsonParser p, JsonToken t, String field) throws IOException, ApiException {
        if (t != JsonToken.VALUE_STRING) {
            throw bad("\"" + field + "\" must be a string");
        }
        return p.getText();
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest("bad-infer-request", message);
    }
}
