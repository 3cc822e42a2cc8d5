package dev.prodet.api.nn;

/** Output shapes of the operations (NCHW, batch dimension dynamic). */
final class ShapeInference {
    private ShapeInference() {}

    static TensorShape infer(Op op, TensorShape... in) {
        long[] x = in[0].dims();
        if (op instanceof Op.Conv2d c) {
            requireRank(x, 4);
            requireChannels(x, c.inChannels());
            Padding p = c.padding();
            long h = convOut(x[2], p.top() + p.bottom(), c.dilationH(), c.kernelH(), c.strideH());
            long w = convOut(x[3], p.left() + p.right(), c.dilationW(), c.kernelW(), c.strideW());
            return TensorShape.of(x[0], c.outChannels(), h, w);
        }
        if (op instanceof Op.ConvTranspose2d c) {
            requireRank(x, 4);
            requireChannels(x, c.inChannels());
            Padding p = c.padding();
            long h = (x[2] - 1) * c.strideH() - p.top() - p.bottom() + c.kernelH();
            long w = (x[3] - 1) * c.strideW() - p.left() - p.right() + c.kernelW();
            return TensorShape.of(x[0], c.outChannels(), h, w);
        }
        if (op instanceof Op.BatchNorm b) {
            requireRank(x, 4);
            requireChannels(x, b.channels());
            return in[0];
        }
        if (op instanceof Op.Pool2d p) {
            requireRank(x, 4);
            return TensorShape.of(
                    x[0],
                    x[1],
                    convOut(x[2], 2 * p.padding(), 1, p.kernel(), p.stride()),
                    convOut(x[3], 2 * p.padding(), 1, p.kernel(), p.stride()));
        }
        if (op instanceof Op.GlobalAvgPool) {
            requireRank(x, 4);
            return TensorShape.of(x[0], x[1], 1, 1);
        }
        if (op instanceof Op.Linear l) {
            requireRank(x, 2);
            requireChannels(x, l.inFeatures());
            return TensorShape.of(x[0], l.outFeatures());
        }
        if (op instanceof Op.Add || op instanceof Op.Mul) {
            return broadcast(in[0], in[1]);
        }
        if (op instanceof Op.Concat c) {
            return concat(c.axis(), in);
        }
        if (op instanceof Op.Flatten) {
            long n = 1;
            for (int i = 1; i < x.length; i++) {
                n *= x[i];
            }
            return TensorShape.of(x[0], n);
        }
        if (op instanceof Op.Reshape r) {
            long[] out = new long[r.shape().size() + 1];
            out[0] = x[0];
            long n = 1;
            long m = 1;
            for (int i = 0; i < r.shape().size(); i++) {
                out[i + 1] = r.shape().get(i);
                m *= out[i + 1];
            }
            for (int i = 1; i < x.length; i++) {
                n *= x[i];
            }
            if (n != m) {
                throw new IllegalArgumentException("cannot reshape " + in[0] + " to [N," + r.shape() + "]");
            }
            return TensorShape.of(out);
        }
        if (op instanceof Op.Take t) {
            if (t.axis() <= 0 || t.axis() >= x.length || t.index() < 0 || t.index() >= x[t.axis()]) {
                throw new IllegalArgumentException(
                        "take index " + t.index() + " of axis " + t.axis() + " out of " + in[0]);
            }
            long[] out = new long[x.length - 1];
            for (int i = 0, j = 0; i < x.length; i++) {
                if (i != t.axis()) {
                    out[j++] = x[i];
                }
            }
            return TensorShape.of(out);
        }
        // element-wise: activation, softmax, dropout, drop-connect, noise
        return in[0];
    }

    private static long convOut(long size, int padTotal, int dilation, int kernel, int stride) {
        long out = (size + padTotal - (long) dilation * (kernel - 1) - 1) / stride + 1;
        if (out <= 0) {
            throw new IllegalArgumentException("input of size " + size + " too small for kernel " + kernel + " stride "
                    + stride + " padding " + padTotal);
        }
        return out;
    }

    private static void requireRank(long[] x, int rank) {
        if (x.length != rank) {
            throw new IllegalArgumentException("expects a rank-" + rank + " input, got rank " + x.length);
        }
    }

    private static void requireChannels(long[] x, int c) {
        if (x[1] != c) {
            throw new IllegalArgumentException("expects " + c + " input channels, got " + x[1]);
        }
    }

    private static TensorShape broadcast(TensorShape a, TensorShape b) {
        long[] x = a.dims();
        long[] y = b.dims();
        if (x.length != y.length) {
            throw new IllegalArgumentException("cannot broadcast " + a + " with " + b);
        }
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i] || y[i] == 1) {
                out[i] = x[i];
            } else if (x[i] == 1) {
                out[i] = y[i];
            } else {
                throw new IllegalArgumentException("cannot broadcast " + a + " with " + b);
            }
        }
        return TensorShape.of(out);
    }

    private static TensorShape concat(int axis, TensorShape... in) {
        long[] out = in[0].dims();
        if (axis <= 0 || axis >= out.length) {
            throw new IllegalArgumentException("concat axis " + axis + " out of range for " + in[0]);
        }
        for (int k = 1; k < in.length; k++) {
            long[] d = in[k].dims();
            for (int i = 0; i < out.length; i++) {
                if (i != axis && d[i] != out[i]) {
                    throw new IllegalArgumentException("cannot concatenate " + in[0] + " and " + in[k]);
                }
            }
            out[axis] += d[axis];
        }
        return TensorShape.of(out);
    }
}
