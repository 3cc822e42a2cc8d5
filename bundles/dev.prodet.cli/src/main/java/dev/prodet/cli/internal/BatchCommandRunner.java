package dev.prodet.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the one Gogo command given by the framework property {@code prodet.command} (set by {@code ./prodet <verb>})
 * and reports its exit status to the launcher. The launcher registers its exit callback only after every bundle
 * has started, so the command sees the whole runtime.
 */
@Component(immediate = true)
public final class BatchCommandRunner {
    static final String COMMAND_PROPERTY = "prodet.command";

    @Activate
    public BatchCommandRunner(
            BundleContext context,
            @Reference CommandProcessor processor,
            @Reference(target = "(prodet.launcher.exit=true)") IntConsumer exit) {
        String command = context.getProperty(COMMAND_PROPERTY);
        if (command == null || command.isBlank()) {
            return;
        }
        // the process's real streams: Gogo replaces System.out/err by a per-thread redirector, and a session writing
        // to that redirector would redirect to itself (StackOverflowError as soon as a command prints)
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> exit.accept(execute(processor, command, out, err)), "prodet-command");
        t.start();
    }

    /** Executes the command, prints its result, and returns 0 on success or 1 on failure. */
    static int execute(CommandProcessor processor, String command, PrintStream out, PrintStream err) {
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err)) {
            Object result = session.execute(command);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
            out.flush();
            return 0;
        } catch (Exception e) {
            Throwable t = e;
            // Gogo wraps what a command throws; the user needs the command's own message
            while (t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null) {
                t = t.getCause();
            }
            err.println("prodet: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
            err.flush();
            return 1;
        }
    }
}
