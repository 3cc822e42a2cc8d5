package dev.prodet.api.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The shape of a tensor, outermost dimension first; {@link #DYNAMIC} ({@code -1}) marks a dimension fixed only at
 * run time, usually the batch.
 *
 * <p>{@link #toString()} writes a dynamic first dimension as {@code N} and any other dynamic dimension as {@code ?},
 * e.g. {@code [N,3,256,256]}; {@link #parse(String)} reads that form back (and {@code -1}).
 *
 * @param dims the dimensions; copied, each &gt; 0 or {@code -1}
 */
public record TensorShape(long[] dims) {

    /** Marker of a dynamic dimension. */
    public static final long DYNAMIC = -1;

    /** Validates and copies the dimensions. */
    public TensorShape {
        if (dims == null) {
            throw new IllegalArgumentException("TensorShape.dims must not be null");
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0 && dims[i] != DYNAMIC) {
                throw new IllegalArgumentException(
                        "TensorShape.dims[" + i + "] must be > 0 or -1 (dynamic), got: " + dims[i]);
            }
        }
        dims = dims.clone();
    }

    /** The number of elements of a tensor of static dimensions {@code dims} (1 for a scalar). */
    public static long elements(long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** {@code TensorShape.of(-1, 3, 256, 256)}. */
    public static TensorShape of(long... dims) {
        return new TensorShape(dims);
    }

    /** A shape from a list of dimensions, as stored in {@code model.json}. */
    public static TensorShape of(List<Long> dims) {
        if (dims == null) {
            throw new IllegalArgumentException("TensorShape dims list must not be null");
        }
        long[] d = new long[dims.size()];
        for (int i = 0; i < d.length; i++) {
            Long v = dims.get(i); // not contains(null): immutable lists throw on it
            if (v == null) {
                throw new IllegalArgumentException("TensorShape dims[" + i + "] must not be null, got: " + dims);
            }
            d[i] = v;
        }
        return new TensorShape(d);
    }

    /** Parses {@code [N,3,256,256]}; {@code N}, {@code ?} and {@code -1} mean dynamic. */
    public static TensorShape parse(String s) {
        String t = s == null ? "" : s.trim();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new IllegalArgumentException("tensor shape must look like [N,3,256,256], got: " + s);
        }
        String body = t.substring(1, t.length() - 1).trim();
        if (body.isEmpty()) {
            return new TensorShape(new long[0]);
        }
        String[] parts = body.split(",");
        long[] d = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            try {
                d[i] = p.equals("N") || p.equals("?") ? DYNAMIC : Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "tensor shape " + s + ": dimension " + i + " '" + p + "' is neither a number nor N or ?", e);
            }
        }
        return new TensorShape(d);
    }

    /** A copy of the dimensions. */
    @Override
    public long[] dims() {
        return dims.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Dimension {@code i}, {@link #DYNAMIC} when dynamic. */
    public long dim(int i) {
        if (i < 0 || i >= dims.length) {
            throw new IndexOutOfBoundsException("dimension " + i + " outside a rank-" + dims.length + " shape");
        }
        return dims[i];
    }

    /** Whether any dimension is dynamic. */
    public boolean hasDynamic() {
        for (long d : dims) {
            if (d == DYNAMIC) {
                return true;
            }
        }
        return false;
    }

    /** Number of elements; fails for a shape with a dynamic dimension. */
    public long elementCount() {
        if (hasDynamic()) {
            throw new IllegalStateException("shape " + this + " has a dynamic dimension and no fixed element count");
        }
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The dimensions as an unmodifiable list, the form stored in {@code model.json}. */
    public List<Long> toList() {
        List<Long> l = new ArrayList<>(dims.length);
        for (long d : dims) {
            l.add(d);
        }
        return Collections.unmodifiableList(l);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(dims[i] != DYNAMIC ? Long.toString(dims[i]) : i == 0 ? "N" : "?");
        }
        return sb.append(']').toString();
    }
}
