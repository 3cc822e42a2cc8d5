package dev.prodet.forgery.sbi.internal;

import dev.prodet.forgery.blend.testing.GeneratorThroughput;

/** Prints SBI's frames/s at 256×256 (a main, not a test). */
public final class SbiThroughput {
    private SbiThroughput() {}

    /** Entry point; optional argument: seconds per measurement (default 5). */
    public static void main(String[] args) throws Exception {
        GeneratorThroughput.report("sbi", new SbiGenerator(true), args.length > 0 ? Double.parseDouble(args[0]) : 5);
    }
}
