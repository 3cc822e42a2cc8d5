package dev.prodet.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running distribution in interactive shell mode ({@code bin/run.sh --shell}), driven through standard input as a
 * user at the console would. Every command is followed by an echo of a unique marker so its output can be cut out.
 */
public final class ShellProcess implements AutoCloseable {
    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private int marker;

    public ShellProcess(Path dist, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(dist.resolve("bin/run.sh").toString(), "--shell"));
        cmd.addAll(args);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Runs one Gogo command and returns what it printed. */
    public String run(String command, Duration timeout) throws IOException {
        String end = "END-OF-COMMAND-" + (++marker);
        in.write(command + "\n" + "echo " + end + "\n");
        in.flush();
        StringBuilder sb = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains(end) && !line.contains("echo " + end)) {
                return sb.toString();
            }
            sb.append(line).append('\n');
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new IOException("no answer to '" + command + "' within " + timeout + "; output so far:\n" + sb);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            in.write("exit\n");
            in.flush();
            in.close();
        } catch (IOException ignored) {
            // the shell may already be gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
