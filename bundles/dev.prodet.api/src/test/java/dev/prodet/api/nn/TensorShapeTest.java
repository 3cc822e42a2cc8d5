package dev.prodet.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorShapeTest {

    @Test
    void toStringAndParse() {
        TensorShape s = TensorShape.of(-1, 3, 256, 256);
        assertEquals("[N,3,256,256]", s.toString());
        assertEquals(s, TensorShape.parse("[N,3,256,256]"));
        assertEquals(s, TensorShape.parse(" [ -1, 3, 256, 256 ] "));
        assertEquals("[N,?,8]", TensorShape.of(-1, -1, 8).toString());
        assertEquals(TensorShape.of(-1, -1, 8), TensorShape.parse("[N,?,8]"));
        assertEquals("[]", TensorShape.of().toString());
        assertThrows(IllegalArgumentException.class, () -> TensorShape.parse("N,3"));
        assertThrows(IllegalArgumentException.class, () -> TensorShape.parse("[N,x]"));
    }

    @Test
    void validationAndCopies() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorShape.of(1, 0));
        assertTrue(e.getMessage().contains("dims[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TensorShape.of(-2));
        long[] d = {1, 2};
        TensorShape s = new TensorShape(d);
        d[0] = 7;
        s.dims()[1] = 7;
        assertEquals(TensorShape.of(1, 2), s);
        assertEquals(List.of(1L, 2L), s.toList());
        assertEquals(s, TensorShape.of(List.of(1L, 2L)));
    }

    @Test
    void elementCount() {
        assertEquals(3L * 256 * 256, TensorShape.of(3, 256, 256).elementCount());
        assertFalse(TensorShape.of(3).hasDynamic());
        assertThrows(IllegalStateException.class, () -> TensorShape.of(-1, 3).elementCount());
    }
}
