package dev.prodet.tests.serve.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Predicate;

/**
 * The distribution's edge runtime ({@code bin/run.sh --features core,edge}) in its own process, bound to 127.0.0.1
 * on a free port, serving a models folder of the test. Its console goes to {@code runtime.log} in the test's
 * folder. Closing stops the process.
 */
public final class EdgeRuntime implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final int port;
    private final long startNanos;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** An answer: status and body. */
    public record Answer(int status, String body) {
        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    /**
     * Starts the runtime.
     *
     * @param dir the test's folder: deploy/, runtime.log
     * @param models the models folder
     * @param settings extra {@code prodet.serve.*} settings, keys without the prefix
     */
    public EdgeRuntime(Path dir, Path models, Map<String, String> settings) throws IOException {
        this(dir, models, settings, "core,edge", Map.of());
    }

    /**
     * Starts the runtime with other features or environment (e.g. {@code PRODET_HEAP=1g}).
     *
     * @param features the features, e.g. {@code core,cli,edge} for swaps through deploy/
     * @param env extra environment variables of the runtime's process
     */
    public EdgeRuntime(Path dir, Path models, Map<String, String> settings, String features, Map<String, String> env)
            throws IOException {
        Path dist = Path.of(System.getProperty("prodet.dist", "../../runtime/dist/target/prodet"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(dist.resolve("lib/launcher.jar"))) {
            throw new IllegalStateException("distribution not built at " + dist + "; run mvn -B install -DskipTests");
        }
        port = freePort();
        log = dir.resolve("runtime.log");
        Files.createDirectories(dir.resolve("deploy"));
        List<String> cmd = new ArrayList<>(List.of(
                dist.resolve("bin/run.sh").toString(),
                "--features",
                features,
                "-Dorg.osgi.service.http.port=" + port,
                "-Dorg.apache.felix.http.host=127.0.0.1",
                "-Dfelix.fileinstall.dir=" + dir.resolve("deploy"),
                "-Dprodet.serve.models=" + models));
        settings.forEach((k, v) -> cmd.add("-Dprodet.serve." + k + "=" + v));
        startNanos = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        process = pb.start();
    }

    /** The loopback port. */
    public int port() {
        return port;
    }

    /** Nanoseconds since the process was started. */
    public long sinceStartNanos() {
        return System.nanoTime() - startNanos;
    }

    /** GET a path. */
    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POST bytes with a content type (null for none). */
    public Answer post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** POST an image as a multipart form field {@code image}. */
    public Answer postMultipart(String path, String fileName, String type, byte[] image)
            throws IOException, InterruptedException {
        String boundary = "prodet" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = new byte[head.length + image.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(image, 0, body, head.length, image.length);
        System.arraycopy(tail, 0, body, head.length + image.length, tail.length);
        return post(path, "multipart/form-data; boundary=" + boundary, body);
    }

    private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Polls {@code path} until the answer satisfies {@code ok}; fails with the log tail after the timeout. */
    public Answer await(String path, Predicate<Answer> ok, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the runtime exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                last = get(path);
                if (ok.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "no satisfying answer from " + path + " within " + timeout + "; last: " + last + "\n" + logTail());
    }

    /** The deploy/ folder the runtime watches (swap requests, plugins). */
    public Path deploy() {
        return log.getParent().resolve("deploy");
    }

    /** The whole console of the runtime so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Peak resident memory of the runtime's process so far (VmHWM), in MiB; −1 where /proc cannot tell. */
    public long peakResidentMib() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Whether the process still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** The last lines of the runtime's console. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
