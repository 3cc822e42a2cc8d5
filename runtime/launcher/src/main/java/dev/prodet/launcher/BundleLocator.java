package dev.prodet.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.feature.ID;

/**
 * Finds the jar of a feature bundle in the distribution's {@code bundles/} folder (Maven repository layout). Only a
 * home without that folder (a launcher run from the source tree) takes bundles from the local Maven repository: a
 * distribution never reaches into the home directory, so it runs the same on any machine.
 */
final class BundleLocator {
    private final List<Path> roots;

    BundleLocator(Path distBundles, Path localMavenRepository) {
        this.roots = Files.isDirectory(distBundles) ? List.of(distBundles) : List.of(localMavenRepository);
    }

    static Path defaultLocalRepository() {
        String override = System.getProperty("maven.repo.local");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    Path locate(ID id) throws LaunchException {
        String relative = relativePath(id);
        for (Path root : roots) {
            Path p = root.resolve(relative);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new LaunchException("bundle " + id + " not found as " + relative + " under " + roots
                + "; rebuild the distribution (mvn -B -DskipTests install)");
    }

    static String relativePath(ID id) {
        String type = id.getType().orElse("jar");
        String file = id.getArtifactId() + "-" + id.getVersion()
                + id.getClassifier().map(c -> "-" + c).orElse("") + "." + type;
        return id.getGroupId().replace('.', '/') + "/" + id.getArtifactId() + "/" + id.getVersion() + "/" + file;
    }
}
