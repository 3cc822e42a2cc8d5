package dev.prodet.serve.internal.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.prodet.api.serve.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a KServe v2 inference request: JSON tensors (flat or nested {@code data}), or the binary tensor data
 * extension as the Triton clients send it (the JSON first, its length in {@code Inference-Header-Content-Length},
 * then each binary input's bytes in input order, sized by its {@code parameters.binary_data_size}). The JSON is
 * streamed without building a tree and the number of values is capped while reading. Parameter values must be
 * scalars, as the protocol says.
 */
public final class InferRequestParser {
    private static final JsonFactory JSON = new JsonFactory();

    private InferRequestParser() {}

    /** A JSON-only request. */
    public static InferRequest parse(byte[] body, long maxValues) throws ApiException {
        return parse(body, null, maxValues);
    }

    /**
     * Parses a request.
     *
     * @param headerLength the {@code Inference-Header-Content-Length} header, or null when absent
     * @param maxValues values across all inputs at most
     * @throws ApiException 400 naming the field for malformed requests, 413 for too many values
     */
    public static InferRequest parse(byte[] body, String headerLength, long maxValues) throws ApiException {
        int json = jsonLength(body, headerLength);
        List<Pending> pending = new ArrayList<>();
        String id = null;
        List<InferRequest.Output> outputs = new ArrayList<>();
        boolean binaryOutputs = false;
        boolean sawInputs = false;
        long[] budget = {maxValues};
        try (JsonParser p = JSON.createParser(body, 0, json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad("the body must be a JSON object with \"inputs\"");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "id" -> id = text(p, t, "id");
                    case "inputs" -> {
                        inputs(p, t, budget, pending);
                        sawInputs = true;
                    }
                    case "outputs" -> outputs = outputs(p, t);
                    case "parameters" ->
                        binaryOutputs = Parameters.read(p, t, "parameters").flag("binary_data_output");
                    default -> p.skipChildren(); // model_name and extensions
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw bad("the body holds more than one JSON object");
            }
        } catch (JsonProcessingException e) {
            throw bad("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad("the body cannot be read as JSON: " + e.getMessage());
        }
        if (!sawInputs) {
            throw bad("the request has no \"inputs\"");
        }
        return new InferRequest(id, binaryInputs(body, json, headerLength != null, pending), outputs, binaryOutputs);
    }

    /** An input as read from the JSON: its values, or the size of its binary data still to be read. */
    private record Pending(String name, long[] shape, String datatype, float[] data, long binarySize) {}

    private static int jsonLength(byte[] body, String header) throws ApiException {
        if (header == null) {
            return body.length;
        }
        try {
            long n = Long.parseLong(header.trim());
            if (n < 2 || n > body.length) {
                throw new NumberFormatException();
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw bad("Inference-Header-Content-Length must be the length of the JSON at the start of the body"
                    + " (2 to " + body.length + "), got '" + header + "'");
        }
    }

    private static List<InferRequest.Input> binaryInputs(byte[] body, int json, boolean header, List<Pending> pending)
            throws ApiException {
        List<InferRequest.Input> out = new ArrayList<>();
        long at = json;
        for (Pending in : pending) {
            float[] data = in.data();
            if (in.binarySize() >= 0) {
                if (!header) {
                    throw bad("input '" + in.name() + "' has binary_data_size but the request has no"
                            + " Inference-Header-Content-Length header");
                }
                long elements = Math.max(0, elements(in.shape()));
                long expected = elements * TensorData.bytesPerElement(in.datatype());
                if (in.binarySize() != expected) {
                    throw ApiException.badRequest(
                            "bad-data",
                            "input '" + in.name() + "' of shape " + Arrays.toString(in.shape()) + " and type "
                                    + in.datatype() + " needs " + expected + " bytes, binary_data_size says "
                                    + in.binarySize());
                }
                if (at + expected > body.length) {
                    throw ApiException.badRequest(
                            "bad-data", "the body ends before the " + expected + " bytes of input '" + in.name() + "'");
                }
                data = TensorData.decode(body, (int) at, (int) elements, in.datatype(), in.name());
                at += expected;
            }
            out.add(new InferRequest.Input(in.name(), in.shape(), in.datatype(), data));
        }
        if (at != body.length) {
            throw ApiException.badRequest(
                    "bad-data",
                    "the body has " + (body.length - at) + " bytes after the JSON and the binary inputs it declares");
        }
        return out;
    }

    private static void inputs(JsonParser p, JsonToken t, long[] budget, List<Pending> out)
            throws IOException, ApiException {
        if (t != JsonToken.START_ARRAY) {
            throw bad("\"inputs\" must be an array");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw bad("each of \"inputs\" must be an object");
            }
            String name = null;
            String datatype = null;
            long[] shape = null;
            float[] data = null;
            Parameters params = Parameters.NONE;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "name" -> name = text(p, v, "inputs[].name");
                    case "datatype" -> datatype = text(p, v, "inputs[].datatype");
                    case "shape" -> shape = shape(p, v);
                    case "data" -> data = data(p, v, budget, name == null ? "#" + out.size() : name);
                    case "parameters" -> params = Parameters.read(p, v, "inputs[].parameters");
                    default -> p.skipChildren();
                }
            }
            String label = name == null ? "#" + out.size() : "'" + name + "'";
            if (name == null || datatype == null || shape == null) {
                throw bad("input " + label + " needs name, shape and datatype");
            }
            TensorData.check(name, datatype);
            if (params.has("shared_memory_region")) {
                throw bad("input " + label + " uses shared memory, which this server does not offer");
            }
            long binary = params.size("binary_data_size");
            if (binary >= 0 && data != null || binary < 0 && data == null) {
                throw bad("input " + label + " needs either data or parameters.binary_data_size");
            }
            if (binary >= 0) {
                budget[0] -= Math.max(0, elements(shape));
                if (budget[0] < 0) {
                    throw tooMany();
                }
            }
            out.add(new Pending(name, shape, datatype, data, binary));
        }
    }

    private static List<InferRequest.Output> outputs(JsonParser p, JsonToken t) throws IOException, ApiException {
        if (t != JsonToken.START_ARRAY) {
            throw bad("\"outputs\" must be an array");
        }
        List<InferRequest.Output> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw bad("each of \"outputs\" must be an object with a name");
            }
            String name = null;
            Parameters params = Parameters.NONE;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("name")) {
                    name = text(p, v, "outputs[].name");
                } else if (field.equals("parameters")) {
                    params = Parameters.read(p, v, "outputs[].parameters");
                } else {
                    p.skipChildren();
                }
            }
            if (name == null) {
                throw bad("each of \"outputs\" needs a name");
            }
            if (params.has("classification") || params.has("shared_memory_region")) {
                throw bad("output '" + name + "' asks for classification or shared memory, which this server does"
                        + " not offer; ask for the tensor itself");
            }
            out.add(new InferRequest.Output(name, params.has("binary_data") ? params.flag("binary_data") : null));
        }
        return out;
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

    private static float[] data(JsonParser p, JsonToken t, long[] budget, String name)
            throws IOException, ApiException {
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
                    throw tooMany();
                }
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, n * 2);
                }
                buf[n] = TensorData.finite(p.getFloatValue(), n, name);
                n++;
            } else {
                throw bad("\"data\" must hold numbers only, found " + v);
            }
        }
        return Arrays.copyOf(buf, n);
    }

    /** Number of elements of a shape; −1 when a dimension is negative or the product overflows. */
    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }

    static String text(JsonParser p, JsonToken t, String field) throws IOException, ApiException {
        if (t != JsonToken.VALUE_STRING) {
            throw bad("\"" + field + "\" must be a string");
        }
        return p.getText();
    }

    private static ApiException tooMany() {
        return new ApiException(
                413, "tensor-too-large", "the request holds more tensor values than the limit of this server");
    }

    static ApiException bad(String message) {
        return ApiException.badRequest("bad-infer-request", message);
    }
}
