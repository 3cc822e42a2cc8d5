package dev.prodet.spark.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on loopback: one master and one worker, each its own JVM started from Spark's jars
 * (the ones Maven resolved), as {@code sbin/start-master.sh} and {@code start-worker.sh} would start them. The
 * worker launches executors with the jars of a Spark home laid out from the same files; the application's jars
 * reach the executors only through the job (spark.jars).
 */
final class StandaloneCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final String masterUrl;

    private StandaloneCluster(String masterUrl) {
        this.masterUrl = masterUrl;
    }

    /** Starts master and worker and waits until the worker has registered. */
    static StandaloneCluster start(Path work, List<String> sparkJars, List<String> jvmOptions, int cores)
            throws IOException, InterruptedException {
        Path home = work.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String j : sparkJars) {
            Path src = Path.of(j);
            Files.createSymbolicLink(jars.resolve(src.getFileName()), src);
        }
        int port = freePort();
        StandaloneCluster c = new StandaloneCluster("spark://127.0.0.1:" + port);
        String cp = String.join(":", sparkJars);
        try {
            c.launch(
                    work,
                    home,
                    cp,
                    jvmOptions,
                    "master",
                    List.of(
                            "org.apache.spark.deploy.master.Master",
                            "--host",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(port),
                            "--webui-port",
                            String.valueOf(freePort())));
            c.await(work.resolve("master.log"), "I have been elected leader");
            c.launch(
                    work,
                    home,
                    cp,
                    jvmOptions,
                    "worker",
                    List.of(
                            "org.apache.spark.deploy.worker.Worker",
                            "--host",
                            "127.0.0.1",
                            "--cores",
                            String.valueOf(cores),
                            "--memory",
                            "3g",
                            "--webui-port",
                            String.valueOf(freePort()),
                            "--work-dir",
                            Files.createDirectories(work.resolve("worker")).toString(),
                            c.masterUrl));
            c.await(work.resolve("worker.log"), "Successfully registered with master");
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    String masterUrl() {
        return masterUrl;
    }

    private void launch(Path work, Path home, String cp, List<String> jvmOptions, String name, List<String> main)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Xmx512m", "-cp", cp));
        cmd.addAll(main);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(work.resolve(name + ".log").toFile());
        // loopback only: RPC, web UI and the executors the worker starts
        pb.environment()
                .putAll(Map.of(
                        "SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1"));
        processes.add(pb.start());
    }

    private void await(Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Proc.read(log).contains(line)) {
                return;
            }
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster process exited:\n" + Proc.read(log));
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + line + "' in 90 s:\n" + Proc.read(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) { // the worker (and its executors) before the master
            processes.get(i).descendants().forEach(ProcessHandle::destroy);
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
