package dev.prodet.api.nn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An engine-neutral file of named float parameters, so checkpoints can be exported without the training engine:
 * magic {@code PDPARAM1}, count, then per parameter its name (UTF), rank, dims and the values (big-endian float32).
 */
public final class ParameterFile {
    private static final long MAGIC = 0x5044504152414D31L; // "PDPARAM1"

    private ParameterFile() {}

    public static void write(OutputStream out, Map<String, float[]> params, Map<String, long[]> shapes)
            throws IOException {
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        d.writeLong(MAGIC);
        d.writeInt(params.size());
        for (Map.Entry<String, float[]> e : params.entrySet()) {
            long[] shape = shapes.get(e.getKey());
            d.writeUTF(e.getKey());
            d.writeInt(shape.length);
            for (long s : shape) {
                d.writeLong(s);
            }
            float[] v = e.getValue();
            d.writeInt(v.length);
            for (float f : v) {
                d.writeFloat(f);
            }
        }
        d.flush();
    }

    /** Reads every parameter; a truncated or foreign file is an error saying so. */
    public static Map<String, float[]> read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        try {
            if (d.readLong() != MAGIC) {
                throw new IOException("not a ProDet parameter file (bad magic)");
            }
            int count = d.readInt();
            Map<String, float[]> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = d.readUTF();
                int rank = d.readInt();
                for (int r = 0; r < rank; r++) {
                    d.readLong();
                }
                float[] v = new float[d.readInt()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = d.readFloat();
                }
                out.put(name, v);
            }
            return out;
        } catch (EOFException e) {
            throw new IOException("parameter file is truncated", e);
        }
    }
}
