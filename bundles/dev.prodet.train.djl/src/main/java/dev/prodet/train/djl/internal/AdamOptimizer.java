package dev.prodet.train.djl.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with PyTorch's semantics (coupled L2 weight decay, bias correction), written here because DJL's optimizer
 * state cannot be saved: checkpoints must carry the moments so that a resumed run continues exactly. State is kept
 * per parameter name, so a strategy swap keeps the moments of every parameter that survives it.
 */
final class AdamOptimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Map<String, NDArray> m = new HashMap<>();
    private final Map<String, NDArray> v = new HashMap<>();
    private final Map<String, Long> t = new HashMap<>();

    AdamOptimizer(double lr, double weightDecay) {
        this(lr, 0.9, 0.999, 1e-8, weightDecay);
    }

    AdamOptimizer(double lr, double beta1, double beta2, double eps, double weightDecay) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /**
     * One update of the trainable parameters the step used; gradients are zeroed afterwards. A parameter off the
     * step's path (e.g. a transition block whose anchors are not in the batch) has no gradient and keeps its value
     * and moments: reading its gradient would read memory PyTorch never wrote.
     */
    void step(Map<String, Parameter> params, java.util.Set<String> used, NDManager stateManager) {
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Parameter p = e.getValue();
            if (!p.requiresGradient() || !used.contains(e.getKey())) {
                continue;
            }
            NDArray w = p.getArray();
            update(e.getKey(), w, w.getGradient(), stateManager);
        }
    }

    private void update(String name, NDArray w, NDArray grad, NDManager stateManager) {
        long step = t.merge(name, 1L, Long::sum);
        NDArray mi = m.computeIfAbsent(name, k -> stateManager.zeros(w.getShape()));
        NDArray vi = v.computeIfAbsent(name, k -> stateManager.zeros(w.getShape()));
        try (NDManager tmp = stateManager.newSubManager()) {
            NDArray g = weightDecay > 0 ? keep(grad.add(keep(w.mul((float) weightDecay), tmp)), tmp) : grad;
            mi.muli((float) beta1).addi(keep(g.mul((float) (1 - beta1)), tmp));
            vi.muli((float) beta2).addi(keep(keep(g.square(), tmp).mul((float) (1 - beta2)), tmp));
            double bc1 = 1 - Math.pow(beta1, step);
            double bc2 = 1 - Math.pow(beta2, step);
            NDArray denom =
                    keep(keep(keep(vi.div((float) bc2), tmp).sqrt(), tmp).add((float) eps), tmp);
            NDArray delta =
                    keep(keep(keep(mi.div((float) bc1), tmp).div(denom), tmp).mul((float) lr), tmp);
            w.subi(delta);
            grad.subi(keep(grad.duplicate(), tmp)); // zero: PyTorch accumulates gradients
        }
        grad.close();
    }

    private static NDArray keep(NDArray a, NDManager tmp) {
        a.attach(tmp);
        return a;
    }

    /** Moments and step counts, for checkpoints: {@code m/<name>}, {@code v/<name>}, {@code t/<name>}. */
    Map<String, float[]> state() {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m/" + k, a.toFloatArray()));
        v.forEach((k, a) -> out.put("v/" + k, a.toFloatArray()));
        t.forEach((k, s) -> out.put(
                "t/" + k, new float[] {Float.intBitsToFloat((int) (s >>> 32)), Float.intBitsToFloat((int) (long) s)}));
        return out;
    }

    /** Restores {@link #state()} for the parameters of {@code params} (others are dropped). */
    void restore(Map<String, float[]> state, Map<String, Parameter> params, NDManager stateManager) {
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            String k = e.getKey();
            float[] mv = state.get("m/" + k);
            float[] vv = state.get("v/" + k);
            float[] tv = state.get("t/" + k);
            if (mv != null && vv != null && tv != null) {
                m.put(k, stateManager.create(mv, e.getValue().getArray().getShape()));
                v.put(k, stateManager.create(vv, e.getValue().getArray().getShape()));
                t.put(
                        k,
                        ((long) Float.floatToRawIntBits(tv[0]) << 32) | (Float.floatToRawIntBits(tv[1]) & 0xffffffffL));
            }
        }
    }

    /** Keeps the moments of the parameters still present after a swap; frees the rest. */
    void retain(java.util.Set<String> names) {
        for (Map<String, NDArray> map : java.util.List.of(m, v)) {
            map.entrySet().removeIf(e -> {
                if (!names.contains(e.getKey())) {
                    e.getValue().close();
                    return true;
                }
                return false;
            });
        }
        t.keySet().retainAll(names);
    }
}
