package dev.prodet.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Float16Test {
    @Test
    void halfToFloatIsExact() {
        assertEquals(1.0f, Float16.toFloat((short) 0x3c00));
        assertEquals(-2.0f, Float16.toFloat((short) 0xc000));
        assertEquals(-2.5f, Float16.toFloat((short) 0xc100));
        assertEquals(65504f, Float16.toFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Float16.toFloat((short) 0x0001), "smallest subnormal");
        assertEquals(Float.POSITIVE_INFINITY, Float16.toFloat((short) 0x7c00));
        assertTrue(Float.isInfinite(Float16.toFloat((short) 0x7c00)));
        assertTrue(Float.isNaN(Float16.toFloat((short) 0x7e00)));
        assertEquals(1.5f, Float.intBitsToFloat((0x3fc0 & 0xffff) << 16), "BF16 1.5");
    }
}
