package dev.prodet.export.onnx.internal.proto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A protobuf message under construction: fields in the order added, encoded on {@link #writeTo}. */
public final class ProtoMessage {
    private static final int VARINT = 0;
    private static final int FIXED32 = 5;
    private static final int LENGTH = 2;

    private interface Field {
        long size();

        void write(OutputStream out) throws IOException;
    }

    private final List<Field> fields = new ArrayList<>();
    private long cachedSize = -1;

    /** An int32/int64/enum field. */
    public ProtoMessage varint(int number, long value) {
        fields.add(new Field() {
            @Override
            public long size() {
                return varintSize(tag(number, VARINT)) + varintSize(value);
            }

            @Override
            public void write(OutputStream out) throws IOException {
                writeVarint(out, tag(number, VARINT));
                writeVarint(out, value);
            }
        });
        return this;
    }

    /** A float field. */
    public ProtoMessage float32(int number, float value) {
        fields.add(new Field() {
            @Override
            public long size() {
                return varintSize(tag(number, FIXED32)) + 4;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                writeVarint(out, tag(number, FIXED32));
                int bits = Float.floatToRawIntBits(value);
                out.write(bits);
                out.write(bits >>> 8);
                out.write(bits >>> 16);
                out.write(bits >>> 24);
            }
        });
        return this;
    }

    /** A string field. */
    public ProtoMessage string(int number, String value) {
        return bytes(number, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field. */
    public ProtoMessage bytes(int number, byte[] value) {
        fields.add(new Field() {
            @Override
            public long size() {
                return varintSize(tag(number, LENGTH)) + varintSize(value.length) + value.length;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                writeVarint(out, tag(number, LENGTH));
                writeVarint(out, value.length);
                out.write(value);
            }
        });
        return this;
    }

    /** A bytes field holding floats little-endian (ONNX {@code raw_data}); the array is not copied. */
    public ProtoMessage rawFloats(int number, float[] values) {
        fields.add(new Field() {
            @Override
            public long size() {
                long n = 4L * values.length;
                return varintSize(tag(number, LENGTH)) + varintSize(n) + n;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                writeVarint(out, tag(number, LENGTH));
                writeVarint(out, 4L * values.length);
                ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : values) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(v);
                }
                out.write(buf.array(), 0, buf.position());
            }
        });
        return this;
    }

    /** A nested message field. */
    public ProtoMessage message(int number, ProtoMessage value) {
        fields.add(new Field() {
            @Override
            public long size() {
                long n = value.size();
                return varintSize(tag(number, LENGTH)) + varintSize(n) + n;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                writeVarint(out, tag(number, LENGTH));
                writeVarint(out, value.size());
                value.writeTo(out);
            }
        });
        return this;
    }

    /** Encoded size in bytes (computed once; add no fields after calling it). */
    public long size() {
        if (cachedSize < 0) {
            long n = 0;
            for (Field f : fields) {
                n += f.size();
            }
            cachedSize = n;
        }
        return cachedSize;
    }

    public void writeTo(OutputStream out) throws IOException {
        for (Field f : fields) {
            f.write(out);
        }
    }

    private static long tag(int number, int wireType) {
        return ((long) number << 3) | wireType;
    }

    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    static void writeVarint(OutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
