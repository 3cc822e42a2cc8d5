package dev.prodet.serve.internal.infer;

import java.util.Arrays;

/**
 * A float tensor: shape (outermost first) and row-major data.
 *
 * @param shape dimensions, all &gt;= 0
 * @param data values, {@code product(shape)} of them
 */
public record Tensor(long[] shape, float[] data) {

    /** Checks that the data fits the shape. */
    public Tensor {
        if (elements(shape) != data.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + elements(shape)
                    + " values, got " + data.length);
        }
    }

    /** Number of elements of a shape; -1 when a dimension is negative. */
    public static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Rows {@code [from, from + count)} along the first dimension. */
    public Tensor rows(int from, int count) {
        long rowSize = shape[0] == 0 ? 0 : data.length / shape[0];
        long[] s = shape.clone();
        s[0] = count;
        return new Tensor(s, Arrays.copyOfRange(data, (int) (from * rowSize), (int) ((from + count) * rowSize)));
    }

    // Records compare arrays by identity; tensors are values.
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
