package dev.prodet.train.djl.internal.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an experiment YAML strictly: an unknown or mistyped key is an error naming the key and the file, a missing
 * key likewise. {@code --set a.b=value} overrides are applied to the parsed tree before binding, so they are checked
 * the same way.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ConfigLoader() {}

    /** Loads {@code file} with {@code overrides} ({@code key.path=value}); errors are IllegalArgumentExceptions. */
    public static ExperimentConfig load(Path file, List<String> overrides) {
        JsonNode tree;
        try {
            tree = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read experiment config " + file + ": " + e.getMessage(), e);
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new IllegalArgumentException(file + " is not a YAML mapping");
        }
        for (String o : overrides) {
            applyOverride(root, o, file);
        }
        KeyCheck.check(root, ExperimentConfig.class, "", file);
        try {
            return YAML.treeToValue(root, ExperimentConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName())
                    .filter(n -> n != null)
                    .collect(Collectors.joining("."));
            throw new IllegalArgumentException(
                    "unknown key '" + path + "' in " + file + "; known keys there: " + e.getKnownPropertyIds(), e);
        } catch (ValueInstantiationException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("invalid " + file + ": " + c.getMessage(), e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new IllegalArgumentException(
                    "invalid value for '" + path + "' in " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid " + file + ": " + e.getMessage(), e);
        }
    }

    private static void applyOverride(ObjectNode root, String override, Path file) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set needs key.path=value, got '" + override + "'");
        }
        String[] path = override.substring(0, eq).split("\\.");
        String value = override.substring(eq + 1);
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (!(child instanceof ObjectNode o)) {
                throw new IllegalArgumentException(
                        "--set " + override + ": '" + path[i] + "' is not a section of " + file);
            }
            node = o;
        }
        JsonNode parsed;
        try {
            parsed = YAML.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("--set " + override + ": cannot parse value: " + e.getMessage(), e);
        }
        node.set(path[path.length - 1], parsed);
    }
}
