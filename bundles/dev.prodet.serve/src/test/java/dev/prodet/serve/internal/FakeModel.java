package dev.prodet.serve.internal;

import dev.prodet.api.model.ModelMetadata;
import dev.prodet.serve.internal.infer.InferenceException;
import dev.prodet.serve.internal.infer.InferenceModel;
import dev.prodet.serve.internal.infer.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A model without an engine: p_fake of an item is the mean of its input mapped into [0, 1], so callers can check
 * that every request got its own rows. Records batch sizes and whether it was closed; runs can be held on a gate.
 */
public final class FakeModel implements InferenceModel {
    private final ModelMetadata md;
    private final int size;
    public final List<Integer> batches = new CopyOnWriteArrayList<>();
    public volatile boolean closed;
    public volatile CountDownLatch gate;

    public FakeModel(ModelMetadata md) {
        this.md = md;
        this.size = md.preprocessing().inputSize();
    }

    /** The p_fake FakeModel gives for an input whose values average {@code mean}. */
    public static float score(double mean) {
        return (float) (1 / (1 + Math.exp(-mean)));
    }

    @Override
    public ModelMetadata metadata() {
        return md;
    }

    @Override
    public String provider() {
        return "FAKE";
    }

    @Override
    public long[] itemShape() {
        return new long[] {3, size, size};
    }

    @Override
    public Map<String, Tensor> run(float[] input, int count) throws InferenceException {
        if (closed) {
            throw new IllegalStateException("run on a closed model " + md.name() + " " + md.version());
        }
        CountDownLatch g = gate;
        if (g != null) {
            try {
                if (!g.await(20, TimeUnit.SECONDS)) {
                    throw new InferenceException(InferenceException.Kind.TIMEOUT, "gate not opened", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        batches.add(count);
        int item = itemSize();
        float[] p = new float[count];
        float[] logits = new float[2 * count];
        for (int i = 0; i < count; i++) {
            double sum = 0;
            for (int j = 0; j < item; j++) {
                sum += input[i * item + j];
            }
            p[i] = score(sum / item);
            logits[2 * i + 1] = (float) Math.log(p[i] / (1 - p[i]));
        }
        return Map.of("p_fake", new Tensor(new long[] {count}, p), "logits", new Tensor(new long[] {count, 2}, logits));
    }

    @Override
    public void close() {
        closed = true;
    }
}
