package dev.prodet.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;

/** Exit status and messages of one {@code ./prodet <verb>} command, against a stand-in Gogo processor. */
class BatchCommandRunnerTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** A processor whose sessions answer {@code execute} with {@code result} and format values as "formatted:". */
    private static CommandProcessor processor(Callable<Object> result) {
        CommandSession session = (CommandSession) Proxy.newProxyInstance(
                BatchCommandRunnerTest.class.getClassLoader(),
                new Class<?>[] {CommandSession.class},
                (p, m, args) -> switch (m.getName()) {
                    case "execute" -> result.call();
                    case "format" -> "formatted: " + args[0];
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (CommandProcessor) Proxy.newProxyInstance(
                BatchCommandRunnerTest.class.getClassLoader(),
                new Class<?>[] {CommandProcessor.class},
                (p, m, args) -> {
                    if (m.getName().equals("createSession")) {
                        return session;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void successPrintsTheResultAndExitsZero() {
        assertEquals(0, BatchCommandRunner.execute(processor(() -> "3 plugins"), "prodet:plugins", out, err));
        assertEquals("formatted: 3 plugins" + System.lineSeparator(), outBytes.toString(StandardCharsets.UTF_8));
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noResultPrintsNothing() {
        assertEquals(0, BatchCommandRunner.execute(processor(() -> null), "prodet:train x", out, err));
        assertEquals("", outBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failureShowsTheCommandsOwnMessageNotGogosWrapper() {
        Exception wrapped = new InvocationTargetException(
                new InvocationTargetException(new IllegalArgumentException("unknown config key 'run.stpes'")));
        assertEquals(
                1,
                BatchCommandRunner.execute(
                        processor(() -> {
                            throw wrapped;
                        }),
                        "prodet:train",
                        out,
                        err));
        assertEquals(
                "prodet: unknown config key 'run.stpes'" + System.lineSeparator(),
                errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failureWithoutMessageNamesTheException() {
        BatchCommandRunner.execute(
                processor(() -> {
                    throw new IllegalStateException();
                }),
                "x",
                out,
                err);
        assertEquals(
                "prodet: java.lang.IllegalStateException" + System.lineSeparator(),
                errBytes.toString(StandardCharsets.UTF_8));
    }
}
