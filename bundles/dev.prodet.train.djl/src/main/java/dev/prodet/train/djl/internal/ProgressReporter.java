package dev.prodet.train.djl.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Training progress: a redrawn bar on a terminal, plain log lines otherwise (log files, CI), as DeepfakeBench and
 * DJL users expect. {@code DJL_DISABLE_PROGRESS_BAR} or {@code CI} force plain lines. A budgeted run (stopped by
 * time, not by its step count) shows elapsed and remaining time instead of a step total it will never reach.
 */
final class ProgressReporter {
    private final PrintStream out;
    private final boolean bar;
    private final long total;
    private final int every;
    private final Duration budget;
    private final LongSupplier nanoClock;
    private final long startNanos;

    ProgressReporter(PrintStream out, long total, int every) {
        this(out, total, every, null);
    }

    /** {@code budget}: the run's time budget, or null; its clock starts now, as the run's deadline does. */
    ProgressReporter(PrintStream out, long total, int every, Duration budget) {
        this(out, total, every, budget, System::nanoTime, isTerminal());
    }

    ProgressReporter(PrintStream out, long total, int every, Duration budget, LongSupplier nanoClock, boolean bar) {
        this.out = out;
        this.total = total;
        this.every = every;
        this.budget = budget;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.bar = bar;
    }

    private static boolean isTerminal() {
        return System.console() != null
                && System.getenv("DJL_DISABLE_PROGRESS_BAR") == null
                && System.getenv("CI") == null;
    }

    void step(TrainingSession.StepResult r, String strategy, double imagesPerSecond) {
        long done = r.step() + 1;
        String line = String.format(
                Locale.ROOT, "%s  loss %.4f  %s  %.1f img/s", position(done), r.loss(), strategy, imagesPerSecond);
        if (bar) {
            int width = 30;
            int filled = (int) Math.min(width, Math.round(width * fraction(done)));
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + line + "   ");
            if (done == total) {
                out.println();
            }
        } else if (done % every == 0 || done == total || r.step() == 0) {
            out.println("[train] " + line);
        }
        out.flush();
    }

    /** {@code step 460/100000}, or for a budgeted run {@code step 460  3:12 elapsed, 11:48 left of 15:00}. */
    String position(long done) {
        if (budget == null) {
            return "step " + done + "/" + total;
        }
        long elapsed = Math.max(0, nanoClock.getAsLong() - startNanos) / 1_000_000_000L;
        long left = Math.max(0, budget.toSeconds() - elapsed);
        return "step " + done + "  " + clock(elapsed) + " elapsed, " + clock(left) + " left of "
                + clock(budget.toSeconds());
    }

    private double fraction(long done) {
        if (budget == null) {
            return done / (double) Math.max(1, total);
        }
        double byTime = (nanoClock.getAsLong() - startNanos) / (double) Math.max(1, budget.toNanos());
        return Math.max(byTime, done / (double) Math.max(1, total));
    }

    private static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    void message(String text) {
        if (bar) {
            out.println();
        }
        out.println("[train] " + text);
        out.flush();
    }
}
