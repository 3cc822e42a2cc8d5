package dev.prodet.tests.serve.support;

import dev.prodet.api.home.ProdetHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The portraits fetched by scripts/fetch-assets.sh (the assets folder of {@link ProdetHome}). */
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
        Path p = ProdetHome.assets().dir().resolve(kind).resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
