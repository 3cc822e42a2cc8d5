package dev.prodet.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the {@code configurator.initial} property: one Configurator resource written from the features'
 * configurations, followed by every {@code configs/osgi/*.json} of the distribution (which override the features).
 */
final class ConfiguratorResources {
    static final String SYMBOLIC_NAME = ":configurator:symbolic-name";
    static final String VERSION = ":configurator:version";
    static final String RESOURCE_VERSION = ":configurator:resource-version";
    private static final List<String> HEADERS = List.of(RESOURCE_VERSION, SYMBOLIC_NAME, VERSION);

    private ConfiguratorResources() {}

    static String initialProperty(FeatureSet features, Path configsDir, Path workDir) throws LaunchException {
        List<String> urls = new ArrayList<>();
        if (!features.configurations.isEmpty()) {
            urls.add(writeFeatureResource(features, workDir).toUri().toString());
        }
        for (Path p : operatorConfigs(configsDir)) {
            validate(p);
            urls.add(p.toUri().toString());
        }
        return String.join(",", urls);
    }

    static List<Path> operatorConfigs(Path configsDir) throws LaunchException {
        if (!Files.isDirectory(configsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(configsDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new LaunchException("cannot list " + configsDir + ": " + e.getMessage(), e);
        }
    }

    /** The Configurator only logs "Invalid JSON" for a resource without its headers: fail here with the reason. */
    static void validate(Path file) throws LaunchException {
        JsonObject o;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader jr = Json.createReader(r)) {
            o = jr.readObject();
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("configuration " + file + " is not a JSON object: " + e.getMessage(), e);
        }
        for (String h : HEADERS) {
            if (!o.containsKey(h)) {
                throw new LaunchException("configuration " + file + " lacks the header \"" + h
                        + "\"; every Configurator file outside a bundle needs " + HEADERS);
            }
        }
    }

    private static Path writeFeatureResource(FeatureSet features, Path workDir) throws LaunchException {
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add(RESOURCE_VERSION, 1)
                .add(SYMBOLIC_NAME, "dev.prodet.features." + String.join("-", features.names))
                .add(VERSION, "1.0.0");
        for (Map.Entry<String, Map<String, Object>> c : features.configurations.entrySet()) {
            root.add(c.getKey(), Json.createObjectBuilder(jsonCompatible(c.getValue())));
        }
        Path file = workDir.resolve("feature-configurations.json");
        try {
            Files.createDirectories(workDir);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    JsonWriter jw = Json.createWriter(w)) {
                jw.writeObject(root.build());
            }
        } catch (IOException e) {
            throw new LaunchException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Json.createObjectBuilder(Map) takes collections but not Java arrays, which feature values may hold. */
    private static Map<String, Object> jsonCompatible(Map<String, Object> values) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, toJsonCompatible(v)));
        return out;
    }

    private static Object toJsonCompatible(Object v) {
        if (v != null && v.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                list.add(toJsonCompatible(Array.get(v, i)));
            }
            return list;
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(ConfiguratorResources::toJsonCompatible).toList();
        }
        return v;
    }
}
