package dev.prodet.train.djl.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.prodet.train.djl.internal.nn.GraphBlock;
import dev.prodet.train.djl.internal.nn.TrainableBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Adam as {@code torch.optim.Adam} defines it (coupled L2 weight decay, bias correction with ε added to
 * √v̂), written here because DJL's optimizer state cannot be saved: checkpoints must carry the moments so that a
 * resumed run continues exactly. State is kept per parameter name, so a strategy swap keeps the moments of every
 * parameter that survives it.
 *
 * <p>The update runs over the block's {@link TrainableBuffer}: the moments are two buffers aligned with it, the
 * gradients are gathered into one, and each run of adjacent parameters with the same step count is updated by one
 * native call (libtorch's Adam kernel sequence, a dozen element-wise passes). Per parameter only the gradient is
 * zeroed. Small per-parameter operations were the bulk of the optimizer's time and do not parallelise.
 */
final class AdamOptimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Map<String, Long> t = new HashMap<>();
    /** Moments by name that are not in device buffers: restored from a checkpoint, or kept across a swap. */
    private final Map<String, float[][]> parked = new HashMap<>();

    private TrainableBuffer aligned; // the buffer m and v are aligned with
    private NDArray m;
    private NDArray v;
    private PtNDArray[] gradients; // per parameter: a 1-D view of its gradient, once it has one

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
     * One update of the trainable parameters the step used; their gradients are zeroed afterwards. A parameter off
     * the step's path (e.g. a transition block whose anchors are not in the batch) has no gradient and keeps its
     * value, moments and step count.
     */
    void step(GraphBlock block, Set<String> used, NDManager stateManager) {
        TrainableBuffer buf = block.trainable();
        align(buf, stateManager);
        int n = buf.names().size();
        boolean[] update = new boolean[n];
        long[] steps = new long[n];
        for (int i = 0; i < n; i++) {
            String name = buf.names().get(i);
            if (used.contains(name) && gradient(block, buf, i) != null) {
                update[i] = true;
                steps[i] = t.merge(name, 1L, Long::sum);
            }
        }
        for (int i = 0; i < n; ) {
            if (!update[i]) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && update[end] && steps[end] == steps[i]) {
                end++;
            }
            update(buf, i, end, steps[i]);
            i = end;
        }
        for (int i = 0; i < n; i++) {
            if (update[i]) {
                JniUtils.zeroGrad(
                        (PtNDArray) block.parameter(buf.names().get(i)).getArray());
            }
        }
    }

    /**
     * Parameters {@code [from, to)} of the buffer, all at step {@code step}. libtorch's kernel computes
     * w −= lr′·m / (√v + ε′); with lr′ = lr·√bc₂ / bc₁ and ε′ = ε·√bc₂ that is PyTorch's
     * w −= (lr / bc₁)·m / (√v / √bc₂ + ε).
     */
    private void update(TrainableBuffer buf, int from, int to, long step) {
        PtNDArray[] grads = new PtNDArray[to - from];
        System.arraycopy(gradients, from, grads, 0, grads.length);
        double bc1 = 1 - Math.pow(beta1, step);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, step));
        boolean whole = from == 0 && to == buf.names().size();
        long a = buf.offset(from);
        long b = buf.offset(to);
        try (PtNDArray g = JniUtils.cat(grads, 0);
                PtNDArray w = whole ? null : slice(buf.values(), a, b);
                PtNDArray mi = whole ? null : slice(m, a, b);
                PtNDArray vi = whole ? null : slice(v, a, b)) {
            JniUtils.adamUpdate(
                    whole ? (PtNDArray) buf.values() : w,
                    g,
                    whole ? (PtNDArray) m : mi,
                    whole ? (PtNDArray) v : vi,
                    (float) lr,
                    (float) (lr * sqrtBc2 / bc1),
                    (float) weightDecay,
                    1f,
                    -1f, // no clipping
                    (float) beta1,
                    (float) beta2,
                    (float) (eps * sqrtBc2),
                    false);
        }
    }

    private static PtNDArray slice(NDArray a, long from, long to) {
        return JniUtils.slice((PtNDArray) a, 0, from, to, 1);
    }

    /**
     * A 1-D view of parameter {@code i}'s gradient, or null while it has none. PyTorch accumulates into an existing
     * gradient in place, so the view stays valid for the parameter's life and is looked up once.
     */
    private PtNDArray gradient(GraphBlock block, TrainableBuffer buf, int i) {
        if (gradients[i] == null) {
            Parameter p = block.parameter(buf.names().get(i));
            PtNDArray g = JniUtils.getGradient((PtNDArray) p.getArray());
            if (g != null) {
                gradients[i] = (PtNDArray) g.reshape(-1);
                g.close();
            }
        }
        return gradients[i];
    }

    /** Moves the moments into buffers aligned with {@code buf} (after a swap or a restore; once per block). */
    private void align(TrainableBuffer buf, NDManager manager) {
        if (buf == aligned) {
            return;
        }
        park();
        int len = Math.toIntExact(buf.length());
        float[] mh = new float[len];
        float[] vh = new float[len];
        for (int i = 0; i < buf.names().size(); i++) {
            float[][] mv = parked.remove(buf.names().get(i));
            if (mv != null && mv[0].length == buf.size(i)) {
                System.arraycopy(mv[0], 0, mh, (int) buf.offset(i), mv[0].length);
                System.arraycopy(mv[1], 0, vh, (int) buf.offset(i), mv[1].length);
            } else {
                t.remove(buf.names().get(i)); // fresh moments start at step 0
            }
        }
        m = manager.create(mh);
        v = manager.create(vh);
        gradients = new PtNDArray[buf.names().size()];
        aligned = buf;
    }

    /** Copies the aligned moments back to the heap by name and frees the buffers. */
    private void park() {
        if (aligned == null) {
            return;
        }
        parked.putAll(alignedMoments());
        m.close();
        v.close();
        for (PtNDArray g : gradients) {
            if (g != null) {
                g.close();
            }
        }
        aligned = null;
    }

    /** The aligned buffers' moments of every parameter that has taken a step, by name: {m, v}. */
    private Map<String, float[][]> alignedMoments() {
        float[] mh = m.toFloatArray();
        float[] vh = v.toFloatArray();
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (int i = 0; i < aligned.names().size(); i++) {
            String name = aligned.names().get(i);
            if (t.containsKey(name)) {
                int from = (int) aligned.offset(i);
                int to = from + aligned.size(i);
                out.put(name, new float[][] {
                    java.util.Arrays.copyOfRange(mh, from, to), java.util.Arrays.copyOfRange(vh, from, to)
                });
            }
        }
        return out;
    }

    /** Moments and step counts, for checkpoints: {@code m/<name>}, {@code v/<name>}, {@code t/<name>}. */
    Map<String, float[]> state() {
        Map<String, float[][]> byName = new LinkedHashMap<>(parked);
        if (aligned != null) {
            byName.putAll(alignedMoments());
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        byName.forEach((k, a) -> out.put("m/" + k, a[0]));
        byName.forEach((k, a) -> out.put("v/" + k, a[1]));
        byName.keySet().forEach(k -> {
            long s = t.get(k);
            out.put("t/" + k, new float[] {Float.intBitsToFloat((int) (s >>> 32)), Float.intBitsToFloat((int) s)});
        });
        return out;
    }

    /** Restores {@link #state()} for the parameters of {@code params} (others are dropped). */
    void restore(Map<String, float[]> state, Map<String, Parameter> params, NDManager stateManager) {
        park();
        parked.clear();
        t.clear();
        for (String k : params.keySet()) {
            float[] mv = state.get("m/" + k);
            float[] vv = state.get("v/" + k);
            float[] tv = state.get("t/" + k);
            if (mv != null && vv != null && tv != null) {
                parked.put(k, new float[][] {mv, vv});
                t.put(
                        k,
                        ((long) Float.floatToRawIntBits(tv[0]) << 32) | (Float.floatToRawIntBits(tv[1]) & 0xffffffffL));
            }
        }
    }

    /** Keeps the moments of the parameters still present after a swap; frees the rest. */
    void retain(Set<String> names) {
        park();
        parked.keySet().retainAll(names);
        t.keySet().retainAll(names);
    }
}
