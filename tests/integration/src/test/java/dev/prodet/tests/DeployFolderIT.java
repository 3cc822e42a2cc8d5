package dev.prodet.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.tests.support.Dist;
import dev.prodet.tests.support.ShellProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the platform issue: a plugin jar dropped into deploy/ of a running shell appears in
 * {@code prodet:plugins} within 2 s and disappears when removed. Runs the real distribution as a process.
 */
class DeployFolderIT {
    private static final Duration LIMIT = Duration.ofSeconds(2);

    @Test
    void droppedPluginAppearsAndDisappears(@TempDir Path tmp) throws Exception {
        Path deploy = Files.createDirectories(tmp.resolve("deploy"));
        try (ShellProcess shell =
                new ShellProcess(Dist.home(), List.of("--features", "core,cli", "-Dfelix.fileinstall.dir=" + deploy))) {
            String before = shell.run("prodet:plugins", Duration.ofSeconds(60));
            assertFalse(before.contains("fixture-a"), before);

            Path jar = deploy.resolve("fixture-a.jar");
            Files.copy(Dist.fixtureJar("dev.prodet.tests.fixture.generator.a"), jar);
            long start = System.nanoTime();
            String listing = pollUntil(shell, true);
            long appearedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(appearedMs <= LIMIT.toMillis(), "appeared after " + appearedMs + " ms: " + listing);
            assertTrue(listing.contains("test fixture: mirrored half face"), listing);

            Files.delete(jar);
            start = System.nanoTime();
            listing = pollUntil(shell, false);
            long goneMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(goneMs <= LIMIT.toMillis(), "disappeared after " + goneMs + " ms: " + listing);
            System.out.printf("deploy/: plugin listed after %d ms, gone after %d ms%n", appearedMs, goneMs);
        }
    }

    /** {@code ./prodet swap KIND NAME} from outside: a swap request file in deploy/ rebinds running consumers. */
    @Test
    void swapRequestFileRebindsARunningConsumer(@TempDir Path tmp) throws Exception {
        Path deploy = Files.createDirectories(tmp.resolve("deploy"));
        for (String f : List.of("consumer", "generator.a", "generator.b")) {
            Files.copy(Dist.fixtureJar("dev.prodet.tests.fixture." + f), deploy.resolve(f + ".jar"));
        }
        try (ShellProcess shell =
                new ShellProcess(Dist.home(), List.of("--features", "core,cli", "-Dfelix.fileinstall.dir=" + deploy))) {
            String listing = awaitBound(shell, "fixture-a");
            assertTrue(listing.matches("(?s).*\\*\\s+fixture-a.*"), listing);
            Path request = tmp.resolve("request.tmp");
            Files.writeString(request, "kind=generator\nname=fixture-b\n");
            Files.move(request, deploy.resolve("dev.prodet.swap-generator.cfg"));
            listing = awaitBound(shell, "fixture-b");
            assertTrue(listing.matches("(?s).*\\*\\s+fixture-b.*"), listing);
        }
    }

    private static String awaitBound(ShellProcess shell, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String listing;
        do {
            listing = shell.run("prodet:plugins generator", Duration.ofSeconds(30));
            if (listing.matches("(?s).*\\*\\s+" + name + ".*")) {
                return listing;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return listing;
    }

    private static String pollUntil(ShellProcess shell, boolean present) throws Exception {
        long deadline = System.nanoTime() + LIMIT.multipliedBy(3).toNanos();
        String listing;
        do {
            listing = shell.run("prodet:plugins generator", Duration.ofSeconds(10));
            if (listing.contains("fixture-a") == present) {
                return listing;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return listing;
    }
}
