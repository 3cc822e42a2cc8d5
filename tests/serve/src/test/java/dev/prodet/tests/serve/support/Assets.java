package dev.prodet.tests.serve.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The portraits fetched by scripts/fetch-assets.sh ($PRODET_HOME/assets, default ~/.cache/prodet/assets). */
public final class Assets {
    private Assets() {}

    /** A video of the assets folder, if fetched. */
    public static Optional<Path> video(String name) {
        return file("videos", name);
    }

    /** An image of the assets folder, if fetched. */
    public static Optional<Path> image(String name) {
        return file("images", name);
    }

    private static Optional<Path> file(String kind, String name) {
        String home = System.getenv("PRODET_HOME");
        Path dir = home != null
                ? Path.of(home, "assets")
                : Path.of(System.getProperty("user.home"), ".cache", "prodet", "assets");
        Path p = dir.resolve(kind).resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
