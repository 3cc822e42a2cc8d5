package dev.prodet.serve.internal.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.prodet.api.serve.ApiException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A {@code parameters} object of the protocol: names to scalar values (string, number, boolean). */
final class Parameters {
    static final Parameters NONE = new Parameters(Map.of());

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = values;
    }

    /** Reads the object; 400 for a value that is not a scalar. */
    static Parameters read(JsonParser p, JsonToken t, String where) throws IOException, ApiException {
        if (t != JsonToken.START_OBJECT) {
            throw InferRequestParser.bad("\"" + where + "\" must be an object");
        }
        Map<String, Object> m = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            Object value =
                    switch (v) {
                        case VALUE_TRUE -> Boolean.TRUE;
                        case VALUE_FALSE -> Boolean.FALSE;
                        case VALUE_STRING -> p.getText();
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                        default ->
                            throw InferRequestParser.bad(
                                    "\"" + where + "." + key + "\" must be a string, number or boolean");
                    };
            m.put(key, value);
        }
        return new Parameters(m);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** A boolean parameter; false when absent; 400 when it is not a boolean. */
    boolean flag(String key) throws ApiException {
        Object v = values.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw InferRequestParser.bad("parameter " + key + " must be true or false, got " + v);
    }

    /** A size parameter; −1 when absent; 400 when it is not a whole number ≥ 0. */
    long size(String key) throws ApiException {
        Object v = values.get(key);
        if (v == null) {
            return -1;
        }
        if (v instanceof Long n && n >= 0) {
            return n;
        }
        throw InferRequestParser.bad("parameter " + key + " must be a whole number >= 0, got " + v);
    }
}
