package dev.prodet.forgery.swap.internal;

import dev.prodet.forgery.blend.testing.GeneratorThroughput;

/** Prints the face swap's frames/s at 256×256 (a main, not a test). */
public final class SwapThroughput {
    private SwapThroughput() {}

    /** Entry point; optional argument: seconds per measurement (default 5). */
    public static void main(String[] args) throws Exception {
        GeneratorThroughput.report(
                "swap", new SwapGenerator(SwapSettings.DEFAULTS), args.length > 0 ? Double.parseDouble(args[0]) : 5);
    }
}
