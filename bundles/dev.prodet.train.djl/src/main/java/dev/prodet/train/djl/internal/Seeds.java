package dev.prodet.train.djl.internal;

/** Derives independent seeds from (seed, step, ...): every random choice of a step is a function of them. */
public final class Seeds {
    private Seeds() {}

    /** A well-mixed 64-bit value from two longs (SplitMix64 finaliser). */
    public static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
