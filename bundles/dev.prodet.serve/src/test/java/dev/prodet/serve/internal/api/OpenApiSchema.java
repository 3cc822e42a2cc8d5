package dev.prodet.serve.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks JSON against a schema of the KServe v2 OpenAPI file: the subset it uses ($ref, type, properties,
 * required, items, anyOf). Returns the violations, empty when the document conforms.
 */
final class OpenApiSchema {
    private final JsonNode schemas;

    OpenApiSchema() throws IOException {
        try (InputStream in = OpenApiSchema.class.getResourceAsStream("/kserve-v2-rest.yaml")) {
            schemas = new ObjectMapper(new YAMLFactory())
                    .readTree(in)
                    .path("components")
                    .path("schemas");
        }
    }

    /** Violations of {@code #/components/schemas/<name>}. */
    List<String> check(String name, JsonNode doc) {
        List<String> errors = new ArrayList<>();
        JsonNode schema = schemas.path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no schema " + name);
        }
        check(schema, doc, "$", errors);
        return errors;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private void check(JsonNode schema, JsonNode doc, String path, List<String> errors) {
        schema = resolve(schema);
        if (schema.has("anyOf")) {
            for (JsonNode alt : schema.get("anyOf")) {
                List<String> e = new ArrayList<>();
                check(alt, doc, path, e);
                if (e.isEmpty()) {
                    return;
                }
            }
            errors.add(path + ": matches none of anyOf");
            return;
        }
        String type = schema.path("type").asText("");
        boolean ok =
                switch (type) {
                    case "object" -> doc.isObject();
                    case "array" -> doc.isArray();
                    case "string" -> doc.isTextual();
                    case "number" -> doc.isNumber();
                    case "integer" -> doc.isIntegralNumber();
                    case "boolean" -> doc.isBoolean();
                    default -> true;
                };
        if (!ok) {
            errors.add(path + ": expected " + type + ", got " + doc.getNodeType());
            return;
        }
        for (JsonNode req : schema.path("required")) {
            if (!doc.has(req.asText())) {
                errors.add(path + ": missing required " + req.asText());
            }
        }
        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            if (doc.has(p.getKey())) {
                check(p.getValue(), doc.get(p.getKey()), path + "." + p.getKey(), errors);
            }
        }
        if (doc.isArray() && schema.has("items")) {
            for (int i = 0; i < doc.size(); i++) {
                check(schema.get("items"), doc.get(i), path + "[" + i + "]", errors);
            }
        }
    }
}
