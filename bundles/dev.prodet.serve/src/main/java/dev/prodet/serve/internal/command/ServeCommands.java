package dev.prodet.serve.internal.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.prodet.api.home.Workspace;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.EdgeRuntime;
import dev.prodet.serve.internal.EdgeServer;
import dev.prodet.serve.internal.detect.DetectOptions;
import dev.prodet.serve.internal.detect.DetectResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code prodet:models} and {@code prodet:detect}. */
@Component(
        service = ServeCommands.class,
        property = {"osgi.command.scope=prodet", "osgi.command.function=models", "osgi.command.function=detect"})
public final class ServeCommands {
    static final String DETECT_USAGE =
            "usage: prodet:detect -i FILE [-m MODEL] [-v VERSION] [--aligned] [--frames N]  (FILE: JPEG, PNG, MP4, WebM)";
    private final EdgeRuntime runtime;
    private final Path workspace;

    /** @param server the edge runtime */
    @Activate
    public ServeCommands(BundleContext ctx, @Reference EdgeServer server) {
        this.runtime = server.runtime();
        this.workspace = Workspace.folder(ctx::getProperty);
    }

    /** How long a command waits for the repository's first scan (commands may run right after start-up). */
    static final long SCAN_WAIT_MILLIS = 60_000;

    @Descriptor("list every model version with state, execution provider, in-flight requests and reason")
    public String models() throws InterruptedException {
        awaitScan();
        return StatusText.table(runtime.repository().status());
    }

    @Descriptor("load or unload a model: models load NAME | models unload NAME")
    public String models(@Descriptor("load | unload") String action, @Descriptor("model name") String name) {
        return switch (action) {
            case "load" -> StatusText.table(runtime.repository().load(name));
            case "unload" -> StatusText.table(runtime.repository().unload(name));
            default -> throw new IllegalArgumentException("usage: prodet:models [load NAME | unload NAME]");
        };
    }

    @Descriptor("score one image (JPEG, PNG) or video (MP4, WebM) with the serving model; prints the /v1/detect answer")
    public String detect(@Descriptor("-i FILE [-m MODEL] [-v VERSION] [--aligned] [--frames N]") String... args)
            throws IOException, InterruptedException {
        String file = null;
        String model = null;
        String version = null;
        boolean aligned = false;
        int frames = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-i", "--input" -> file = value(args, ++i);
                case "-m", "--model" -> model = value(args, ++i);
                case "-v", "--version" -> version = value(args, ++i);
                case "--aligned" -> aligned = true;
                case "--frames" -> frames = frames(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + DETECT_USAGE);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException(DETECT_USAGE);
        }
        Path p = workspace.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no such file: " + p);
        }
        awaitScan();
        long max = runtime.settings().maxBodyBytes();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (bytes.length > max) {
            throw new IllegalArgumentException(p + " is larger than the " + max + "-byte limit");
        }
        try {
            DetectResult r = runtime.detect().detect(bytes, new DetectOptions(model, version, aligned, false, frames));
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.toJson());
        } catch (ApiException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage() + " (" + e.problem() + ")");
        }
    }

    private void awaitScan() throws InterruptedException {
        long deadline = System.currentTimeMillis() + SCAN_WAIT_MILLIS;
        while (!runtime.repository().scanned() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    private static int frames(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--frames needs a whole number >= 1, got '" + v + "'; " + DETECT_USAGE);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(DETECT_USAGE);
        }
        return args[i];
    }
}
