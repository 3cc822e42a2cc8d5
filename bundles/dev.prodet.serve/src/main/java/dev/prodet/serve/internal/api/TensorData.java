package dev.prodet.serve.internal.api;

import dev.prodet.api.io.Float16;
import dev.prodet.api.serve.ApiException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The datatypes an input may come in and their conversion to the model's FP32: FP32 as is, FP16 and BF16 widened
 * exactly; integer types are refused, because an image model's input is normalised floats and raw integers would be
 * scored as nonsense. Binary data is little-endian, row-major (the binary tensor data extension).
 */
final class TensorData {
    private TensorData() {}

    /** Bytes per element of an accepted datatype, 0 when it is not accepted. */
    static int bytesPerElement(String datatype) {
        return switch (datatype) {
            case "FP32" -> 4;
            case "FP16", "BF16" -> 2;
            default -> 0;
        };
    }

    /** @throws ApiException 400 bad-datatype naming what is accepted */
    static void check(String name, String datatype) throws ApiException {
        if (bytesPerElement(datatype) == 0) {
            throw ApiException.badRequest(
                    "bad-datatype",
                    "input '" + name + "' is " + datatype + "; this server takes FP32, or FP16 and BF16 which it"
                            + " widens to FP32 (integer inputs are not normalised images)");
        }
    }

    /** Decodes {@code count} binary elements starting at {@code offset}. */
    static float[] decode(byte[] b, int offset, int count, String datatype, String name) throws ApiException {
        ByteBuffer in =
                ByteBuffer.wrap(b, offset, count * bytesPerElement(datatype)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            float f =
                    switch (datatype) {
                        case "FP32" -> in.getFloat();
                        case "FP16" -> Float16.toFloat(in.getShort());
                        default -> Float.intBitsToFloat((in.getShort() & 0xffff) << 16); // BF16
                    };
            out[i] = finite(f, i, name);
        }
        return out;
    }

    static float finite(float f, int index, String name) throws ApiException {
        if (!Float.isFinite(f)) {
            throw ApiException.badRequest(
                    "bad-data",
                    "input '" + name + "' value " + index + " is "
                            + String.valueOf(f).toLowerCase(Locale.ROOT) + "; inputs must be finite numbers");
        }
        return f;
    }

    /** Little-endian FP32 bytes of the values. */
    static byte[] encode(float[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }
}
