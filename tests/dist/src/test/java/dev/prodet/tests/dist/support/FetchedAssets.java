package dev.prodet.tests.dist.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files that scripts/fetch-assets.sh and scripts/fetch-arm64-emulator.sh put in the developer's cache
 * ($PRODET_HOME, default ~/.cache/prodet): test inputs, never read by the archive under test.
 */
public final class FetchedAssets {
    private FetchedAssets() {}

    /** The cache folder. */
    public static Path cache() {
        String home = System.getenv("PRODET_HOME");
        return home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".cache", "prodet");
    }

    /** A fetched portrait; fails naming the fetch command when it is missing. */
    public static Path portrait(String name) {
        Path p = cache().resolve("assets/images").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: run 'bash scripts/fetch-assets.sh' first");
        }
        return p;
    }
}
