package dev.prodet.tests.console.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A runtime of the distribution ({@code bin/run.sh --features ...}) in its own process, its HTTP server on
 * 127.0.0.1 at a free port, its console output in {@code runtime.log} of the test's folder. Closing stops it.
 */
public final class ConsoleRuntime implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Starts a runtime.
     *
     * @param dir the test's folder (deploy/, runtime.log)
     * @param features e.g. {@code core,edge,console}
     * @param properties framework properties
     * @param command a Gogo command to run after start-up (the runtime ends when it does), or null
     */
    public ConsoleRuntime(Path dir, String features, Map<String, String> properties, String command)
            throws IOException {
        Path dist = Path.of(System.getProperty("prodet.dist", "../../runtime/dist/target/prodet"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(dist.resolve("lib/launcher.jar"))) {
            throw new IllegalStateException("distribution not built at " + dist + "; run mvn -B install -DskipTests");
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        log = dir.resolve("runtime.log");
        Files.createDirectories(dir.resolve("deploy"));
        List<String> cmd = new ArrayList<>(List.of(
                dist.resolve("bin/run.sh").toString(),
                "--features",
                features,
                "-Dorg.osgi.service.http.port=" + port,
                "-Dorg.apache.felix.http.host=127.0.0.1",
                "-Dfelix.fileinstall.dir=" + dir.resolve("deploy")));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        if (command != null) {
            cmd.add("--command");
            cmd.add(command);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PRODET_JAVA_OPTS", "-Xmx2g");
        process = pb.start();
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits until GET {@code path} answers {@code status}; fails with the log's tail. */
    public void await(String path, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the runtime exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                last = http.send(
                                HttpRequest.newBuilder(URI.create(url(path)))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (last == status) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout + " (last " + last
                + "):\n" + logTail());
    }

    /** The last lines of the runtime's console. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Closes each of {@code items} that is not null (what a test's set-up got as far as starting). */
    public static void closeAll(AutoCloseable... items) throws Exception {
        for (AutoCloseable c : items) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
