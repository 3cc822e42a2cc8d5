package dev.prodet.console.internal.training;

import dev.prodet.api.plugin.PluginProperties;
import dev.prodet.api.serve.ApiException;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.api.TrainingRun;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What the Training page can do to a run: swap its regularizer (what {@code prodet:swap regularizer NAME --run ID}
 * does, through the same {@link TrainingRun#swapRegularizer}) and export its latest checkpoint (by running
 * {@code prodet:export --run ID}, so the page and the command line make the same package).
 */
final class TrainingActions {
    /** How long a swap request waits for the run's next step boundary before answering "asked". */
    static final long SWAP_WAIT_MILLIS = 3_000;

    private final BundleContext context;
    private final Supplier<CommandProcessor> commands;

    TrainingActions(BundleContext context, Supplier<CommandProcessor> commands) {
        this.context = context;
        this.commands = commands;
    }

    /** A live run as JSON; its folder relative to the workspace when it is inside. */
    static Map<String, Object> json(TrainingRun r, Path workspace) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("live", true);
        m.put("state", r.state().name());
        m.put("step", r.step());
        m.put("strategy", r.strategy());
        m.put("waitingFor", r.waitingFor().orElse(null));
        m.put("config", String.valueOf(r.request().config()));
        m.put("overrides", r.request().overrides());
        Path f = r.folder().toAbsolutePath().normalize();
        Path ws = workspace.toAbsolutePath().normalize();
        m.put("folder", String.valueOf(f.startsWith(ws) ? ws.relativize(f) : f));
        m.put("failure", r.failure().map(String::valueOf).orElse(null));
        return m;
    }

    Map<String, Object> swap(TrainingRun run, String name) throws ApiException {
        String from = run.strategy();
        var applied = run.swapRegularizer(name).toCompletableFuture();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.id());
        m.put("from", from);
        m.put("to", name);
        try {
            long step = applied.get(SWAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            m.put("step", step);
            m.put("message", "regularizer " + from + " -> " + name + " from step " + step);
        } catch (TimeoutException e) {
            m.put("step", null);
            m.put("message", "regularizer " + from + " -> " + name + " asked; applies at the next step boundary");
        } catch (ExecutionException e) {
            throw new ApiException(
                    409, "not-applied", "swap not applied: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "interrupted while waiting for the swap");
        }
        return m;
    }

    Map<String, Object> export(String runId) throws ApiException {
        CommandProcessor p = commands.get();
        if (p == null) {
            throw new ApiException(503, "no-commands", "export needs the Gogo command runtime, which is not running");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
                CommandSession s = p.createSession(InputStream.nullInputStream(), out, out)) {
            // runId matched RunFolders.RUN_ID: letters, digits, '.', '_', '-' only, nothing Gogo would interpret
            Object result = s.execute("prodet:export --run '" + runId + "'");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", runId);
            m.put("message", result == null ? printed.toString(StandardCharsets.UTF_8) : String.valueOf(result));
            return m;
        } catch (Exception e) {
            Throwable t = e;
            while (t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null) {
                t = t.getCause();
            }
            throw new ApiException(409, "export-failed", "export of run " + runId + " failed: " + t.getMessage());
        }
    }

    /** Names of the regularizer plugins registered now (read from service properties, nothing activated). */
    List<String> regularizers() {
        List<String> out = new ArrayList<>();
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(RegularizerStrategy.class.getName(), null);
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                Object n = r.getProperty(PluginProperties.nameKey("regularizer"));
                if (n != null && !out.contains(n.toString())) {
                    out.add(n.toString());
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        out.sort(null);
        return out;
    }
}
