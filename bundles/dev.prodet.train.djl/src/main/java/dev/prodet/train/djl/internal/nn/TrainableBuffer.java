package dev.prodet.train.djl.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.prodet.api.nn.ParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Every trainable parameter of a {@link GraphBlock}, in network order, stored in one contiguous float buffer: each
 * parameter is a view of its range. An optimizer can then update all of them with a handful of kernels over the
 * buffer instead of a dozen small operations per parameter (there are ~180 parameters in the compact network).
 */
public final class TrainableBuffer {
    private final List<String> names;
    private final long[] offsets;
    private NDArray values;

    TrainableBuffer(List<ParameterSpec> trainable) {
        List<String> n = new ArrayList<>(trainable.size());
        offsets = new long[trainable.size() + 1];
        for (int i = 0; i < trainable.size(); i++) {
            n.add(trainable.get(i).name());
            offsets[i + 1] = offsets[i] + trainable.get(i).size();
        }
        names = Collections.unmodifiableList(n);
    }

    /** Copies the initial values into one new array of {@code manager}. */
    void allocate(NDManager manager, Map<String, float[]> initial) {
        float[] flat = new float[Math.toIntExact(offsets[names.size()])];
        for (int i = 0; i < names.size(); i++) {
            System.arraycopy(initial.get(names.get(i)), 0, flat, (int) offsets[i], size(i));
        }
        values = manager.create(flat);
    }

    /** The view of parameter {@code i}, shaped; a view, so an update of the buffer is an update of the parameter. */
    NDArray view(int i, Shape shape) {
        try (PtNDArray range = JniUtils.slice((PtNDArray) values, 0, offsets[i], offsets[i + 1], 1)) {
            return range.reshape(shape);
        }
    }

    /** The whole buffer, 1-D. */
    public NDArray values() {
        return values;
    }

    /** Parameter names in buffer order. */
    public List<String> names() {
        return names;
    }

    /** First element of parameter {@code i}; {@code offset(names().size())} is the buffer length. */
    public long offset(int i) {
        return offsets[i];
    }

    /** Number of elements of parameter {@code i}. */
    public int size(int i) {
        return (int) (offsets[i + 1] - offsets[i]);
    }

    /** Length of the buffer. */
    public long length() {
        return offsets[names.size()];
    }

    int indexOf(String name) {
        return names.indexOf(name);
    }
}
