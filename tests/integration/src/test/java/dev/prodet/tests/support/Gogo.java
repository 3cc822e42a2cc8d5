package dev.prodet.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;

/** Runs a Gogo command inside the framework under test, as a user would at the console. */
public final class Gogo {
    private Gogo() {}

    /** The command's result as text, or what it printed when it returns nothing; failures propagate. */
    public static String run(BundleContext ctx, String command) throws Exception {
        CommandProcessor processor =
                (CommandProcessor) Await.service(ctx, CommandProcessor.class.getName(), Duration.ofSeconds(60));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
                CommandSession s = processor.createSession(InputStream.nullInputStream(), out, out)) {
            Object result = s.execute(command);
            return result == null ? buf.toString(StandardCharsets.UTF_8) : String.valueOf(result);
        }
    }
}
