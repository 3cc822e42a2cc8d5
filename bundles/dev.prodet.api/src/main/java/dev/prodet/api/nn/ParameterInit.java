package dev.prodet.api.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded initial values for every parameter of a network, the same whichever engine runs it: weights and biases
 * U(−1/√fanIn, 1/√fanIn) (PyTorch's default for conv and linear layers), batch norm γ = 1, β = 0, running mean 0 and
 * running variance 1. Parameters are drawn in network order, each from its own split of the seed, so adding a head
 * does not change the backbone's values.
 */
public final class ParameterInit {
    private ParameterInit() {}

    public static Map<String, float[]> values(Network network, long seed) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (ParameterSpec p : network.parameters()) {
            out.put(p.name(), values(p, seed));
        }
        return out;
    }

    /** Initial values of one parameter; depends only on the seed and the parameter's name and shape. */
    public static float[] values(ParameterSpec p, long seed) {
        long size = p.size();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter " + p.name() + " too large: " + size);
        }
        float[] v = new float[(int) size];
        switch (p.role()) {
            case GAMMA, RUNNING_VAR -> java.util.Arrays.fill(v, 1f);
            case BETA, RUNNING_MEAN -> {}
            default -> {
                SplittableRandom r = new SplittableRandom(seed ^ (p.name().hashCode() * 0x9E3779B97F4A7C15L));
                double bound = 1.0 / Math.sqrt(Math.max(1, p.fanIn()));
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
                }
            }
        }
        return v;
    }
}
