package dev.prodet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * {@code --copy-bundles DIR}: copies the bundles that the features need on one platform into a bundle folder, so a
 * distribution built from this one carries exactly what the launcher will install, read from the same features.
 */
final class BundleCopier {
    private BundleCopier() {}

    static int copy(LaunchOptions options, PrintStream log) throws LaunchException {
        FeatureSet features =
                FeatureSet.read(options.home().resolve("features"), options.features(), options.platform());
        Map<String, Path> jars = FrameworkRunner.bundleJars(features, options.home());
        Path out = options.copyBundlesTo();
        long bytes = 0;
        try {
            for (Map.Entry<String, Path> e : jars.entrySet()) {
                Path target = out.resolve(e.getKey());
                Path folder = target.getParent();
                if (folder != null) {
                    Files.createDirectories(folder);
                }
                Files.copy(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
                bytes += Files.size(target);
            }
        } catch (IOException e) {
            throw new LaunchException("cannot copy the bundles into " + out + ": " + e.getMessage(), e);
        }
        log.printf(
                "[prodet] features %s for %s: %d bundles, %d bytes copied into %s%n",
                features.names, features.platform, jars.size(), bytes, out);
        return 0;
    }
}
