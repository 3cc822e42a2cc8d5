package dev.prodet.forgery.cbi.internal;

import dev.prodet.forgery.blend.testing.GeneratorThroughput;

/** Prints CBI's frames/s at 256×256 (a main, not a test). */
public final class CbiThroughput {
    private CbiThroughput() {}

    /** Entry point; optional argument: seconds per measurement (default 5). */
    public static void main(String[] args) throws Exception {
        GeneratorThroughput.report("cbi", new CbiGenerator(3, true), args.length > 0 ? Double.parseDouble(args[0]) : 5);
    }
}
