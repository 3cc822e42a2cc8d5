package dev.prodet.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * The union of several features: their bundles (in order, first occurrence wins), configurations (later features
 * override earlier ones per PID), framework launching properties and JVM system properties. Bundles of native
 * libraries for another platform than {@link #platform} are left out ({@link NativePlatform}).
 */
final class FeatureSet {
    static final String LAUNCH_PROPERTIES = "framework-launching-properties";
    /** Extension of JVM system properties, for libraries that read no framework property (see SystemSettings). */
    static final String SYSTEM_PROPERTIES = "system-properties";

    final String platform;
    final List<String> names = new ArrayList<>();
    final Map<String, ID> bundles = new LinkedHashMap<>();
    /** The bundles kept for their native libraries; a distribution without them was built for another platform. */
    final Set<ID> nativeBundles = new HashSet<>();

    final Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
    final Map<String, String> frameworkProperties = new LinkedHashMap<>();
    final Map<String, String> systemProperties = new LinkedHashMap<>();

    FeatureSet(String platform) {
        this.platform = platform;
    }

    static FeatureSet read(Path featuresDir, List<String> names) throws LaunchException {
        return read(featuresDir, names, NativePlatform.current());
    }

    static FeatureSet read(Path featuresDir, List<String> names, String platform) throws LaunchException {
        FeatureService service = ServiceLoader.load(FeatureService.class, FeatureSet.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi FeatureService implementation on the class path"));
        FeatureSet set = new FeatureSet(platform);
        for (String name : names) {
            Path file = featuresDir.resolve(name + ".json");
            if (!Files.isRegularFile(file)) {
                throw new LaunchException("unknown feature '" + name + "': " + file + " does not exist; available: "
                        + available(featuresDir));
            }
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                set.add(name, service.readFeature(r));
            } catch (IOException | RuntimeException e) {
                throw new LaunchException("cannot read feature " + file + ": " + e.getMessage(), e);
            }
        }
        return set;
    }

    private void add(String name, Feature feature) throws LaunchException {
        names.add(name);
        Set<String> nativePlatforms = new TreeSet<>();
        boolean nativesHere = false;
        for (FeatureBundle b : feature.getBundles()) {
            ID id = b.getID();
            String bundlePlatform = NativePlatform.of(b.getMetadata());
            if (bundlePlatform != null) {
                nativePlatforms.add(bundlePlatform);
                if (!bundlePlatform.equals(platform)) {
                    continue;
                }
                nativesHere = true;
                nativeBundles.add(id);
            }
            // the classifier tells the native fragments of one artifact apart
            bundles.putIfAbsent(
                    id.getGroupId() + ":" + id.getArtifactId()
                            + id.getClassifier().map(c -> ":" + c).orElse(""),
                    id);
        }
        if (!nativePlatforms.isEmpty() && !nativesHere) {
            throw new LaunchException("feature '" + name + "' has native libraries for " + nativePlatforms
                    + " only, and this machine is " + platform);
        }
        for (FeatureConfiguration c : feature.getConfigurations().values()) {
            configurations.put(c.getPid(), new LinkedHashMap<>(c.getValues()));
        }
        FeatureExtension ext = feature.getExtensions().get(LAUNCH_PROPERTIES);
        if (ext != null) {
            frameworkProperties.putAll(parseProperties(name, LAUNCH_PROPERTIES, ext.getJSON()));
        }
        FeatureExtension sys = feature.getExtensions().get(SYSTEM_PROPERTIES);
        if (sys != null) {
            systemProperties.putAll(parseProperties(name, SYSTEM_PROPERTIES, sys.getJSON()));
        }
    }

    private static Map<String, String> parseProperties(String feature, String extension, String json)
            throws LaunchException {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                JsonValue v = e.getValue();
                out.put(e.getKey(), v instanceof JsonString s ? s.getString() : v.toString());
            }
        } catch (RuntimeException e) {
            throw new LaunchException(
                    "feature '" + feature + "': the " + extension + " extension must be a JSON object of strings: "
                            + e.getMessage(),
                    e);
        }
        return out;
    }

    private static String available(Path dir) {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .toList()
                    .toString();
        } catch (IOException e) {
            return "(none: " + dir + " cannot be listed)";
        }
    }
}
