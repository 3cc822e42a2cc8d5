package dev.prodet.data.internal.prepare;

import java.io.PrintStream;

/** A one-line text progress bar ({@code \r}-redrawn), e.g. {@code [#########           ] 12/27 videos, 310 faces}. */
final class Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final int total;
    private int done;
    private final long start = System.nanoTime();

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    synchronized void step(int facesSoFar, int failedSoFar) {
        done++;
        int filled = total == 0 ? WIDTH : WIDTH * done / total;
        double secs = (System.nanoTime() - start) / 1e9;
        out.printf(
                "\r[%s%s] %d/%d videos, %d faces, %d failed, %.0f s",
                "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, facesSoFar, failedSoFar, secs);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
