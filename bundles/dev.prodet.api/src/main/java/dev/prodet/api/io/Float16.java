package dev.prodet.api.io;

/**
 * IEEE 754 binary16 ("half", FP16) values as the formats ProDet reads carry them: safetensors {@code F16}, KServe
 * {@code FP16} tensors, TensorFlow.js {@code float16} weights. Java 17 has no {@code Float.float16ToFloat}.
 *
 * @since 1.1
 */
public final class Float16 {
    private Float16() {}

    /** The binary16 bits {@code h} as a float, exactly (subnormals, infinities and NaN included). */
    public static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) { // infinity or NaN
            return Float.intBitsToFloat(sign | 0x7f800000 | mant << 13);
        }
        if (exp == 0) { // zero or subnormal: mant × 2^-24
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | (exp + 112) << 23 | mant << 13);
    }
}
