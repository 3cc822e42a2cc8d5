package dev.prodet.tests.support;

import dev.prodet.launcher.NativePlatform;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/** The assembled distribution (runtime/dist/target/prodet) and its feature files, read in the test JVM. */
public final class Dist {
    private Dist() {}

    public static Path home() {
        Path p = Path.of(System.getProperty("prodet.dist", "../../runtime/dist/target/prodet"));
        if (!Files.isDirectory(p.resolve("bundles"))) {
            throw new IllegalStateException(
                    "distribution not built at " + p.toAbsolutePath() + "; run mvn -B install -DskipTests first");
        }
        return p.toAbsolutePath().normalize();
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("prodet.repo", "../.."))
                .toAbsolutePath()
                .normalize();
    }

    public static String version() {
        return System.getProperty("prodet.version", "0.1.0-SNAPSHOT");
    }

    /** The feature read with the OSGi FeatureService, exactly as the launcher reads it. */
    public static Feature feature(String name) throws IOException {
        FeatureService fs = ServiceLoader.load(FeatureService.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no FeatureService on the test class path"));
        try (Reader r = Files.newBufferedReader(home().resolve("features").resolve(name + ".json"))) {
            return fs.readFeature(r);
        }
    }

    /**
     * Jar files of the bundles of the given features, in feature order, without duplicates, leaving out native
     * libraries for other platforms than this machine's, as the launcher does.
     */
    public static List<Path> bundleJars(String... features) throws IOException {
        String platform = NativePlatform.current();
        Map<String, Path> out = new LinkedHashMap<>();
        for (String f : features) {
            for (FeatureBundle b : feature(f).getBundles()) {
                String bundlePlatform = NativePlatform.of(b.getMetadata());
                if (bundlePlatform != null && !bundlePlatform.equals(platform)) {
                    continue;
                }
                ID id = b.getID();
                out.putIfAbsent(
                        id.getGroupId() + ":" + id.getArtifactId()
                                + id.getClassifier().map(c -> ":" + c).orElse(""),
                        bundleJar(id));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Where the distribution keeps a bundle: Maven repository layout under bundles/. */
    public static Path bundleJar(ID id) {
        String file = id.getArtifactId() + "-" + id.getVersion()
                + id.getClassifier().map(c -> "-" + c).orElse("") + "."
                + id.getType().orElse("jar");
        return home().resolve("bundles")
                .resolve(id.getGroupId().replace('.', '/'))
                .resolve(id.getArtifactId())
                .resolve(id.getVersion())
                .resolve(file);
    }

    /** Framework launching properties of the given features, with ${app.home} replaced. */
    public static Map<String, String> launchProperties(Path appHome, String... features) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : features) {
            var ext = feature(f).getExtensions().get("framework-launching-properties");
            if (ext == null) {
                continue;
            }
            try (var jr = jakarta.json.Json.createReader(new java.io.StringReader(ext.getJSON()))) {
                jr.readObject()
                        .forEach((k, v) -> out.put(
                                k,
                                ((jakarta.json.JsonString) v).getString().replace("${app.home}", appHome.toString())));
            }
        }
        return out;
    }

    /** A fixture bundle jar built by the reactor under tests/fixtures. */
    public static Path fixtureJar(String artifactId) {
        Path p = repoRoot()
                .resolve("tests/fixtures")
                .resolve(artifactId)
                .resolve("target")
                .resolve(artifactId + "-" + version() + ".jar");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("fixture bundle missing: " + p);
        }
        return p;
    }
}
