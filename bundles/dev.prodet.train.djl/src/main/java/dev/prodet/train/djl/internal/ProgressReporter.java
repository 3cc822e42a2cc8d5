package dev.prodet.train.djl.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress: a redrawn bar on a terminal, plain log lines otherwise (log files, CI), as DeepfakeBench and
 * DJL users expect. {@code DJL_DISABLE_PROGRESS_BAR} or {@code CI} force plain lines.
 */
final class ProgressReporter {
    private final PrintStream out;
    private final boolean bar;
    private final long total;
    private final int every;

    ProgressReporter(PrintStream out, long total, int every) {
        this.out = out;
        this.total = total;
        this.every = every;
        this.bar = System.console() != null
                && System.getenv("DJL_DISABLE_PROGRESS_BAR") == null
                && System.getenv("CI") == null;
    }

    void step(TrainingSession.StepResult r, String strategy, double imagesPerSecond) {
        long done = r.step() + 1;
        String line = String.format(
                Locale.ROOT, "step %d/%d  loss %.4f  %s  %.1f img/s", done, total, r.loss(), strategy, imagesPerSecond);
        if (bar) {
            int width = 30;
            int filled = (int) (width * done / Math.max(1, total));
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + line + "   ");
            if (done == total) {
                out.println();
            }
        } else if (done % every == 0 || done == total || r.step() == 0) {
            out.println("[train] " + line);
        }
        out.flush();
    }

    void message(String text) {
        if (bar) {
            out.println();
        }
        out.println("[train] " + text);
        out.flush();
    }
}
