package dev.prodet.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void halfAndBfloatWidenExactlyAndDoublesRound() throws IOException {
        // F16: 1.0 = 0x3C00, -2.5 = 0xC100, smallest subnormal 2^-24 = 0x0001, 65504 = 0x7BFF
        byte[] f16 = {0x00, 0x3C, 0x00, (byte) 0xC1, 0x01, 0x00, (byte) 0xFF, 0x7B};
        // BF16: the upper halves of 1.5f (0x3FC0) and -0.15625f (0xBE20)
        byte[] bf16 = {(byte) 0xC0, 0x3F, 0x20, (byte) 0xBE};
        java.nio.ByteBuffer d = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        d.putDouble(0.1);
        Path f = new TestSafetensors()
                .raw("h", "F16", new long[] {4}, f16)
                .raw("b", "BF16", new long[] {2}, bf16)
                .raw("d", "F64", new long[] {1}, d.array())
                .raw("steps", "I64", new long[] {}, new byte[8])
                .write(dir.resolve("w.safetensors"));
        try (Safetensors st = Safetensors.open(f)) {
            assertArrayEquals(new float[] {1f, -2.5f, 0x1p-24f, 65504f}, st.floats("h"));
            assertArrayEquals(new float[] {1.5f, -0.15625f}, st.floats("b"));
            assertArrayEquals(new float[] {0.1f}, st.floats("d"));
            assertEquals(1, st.entries().get("steps").elements(), "a scalar has one element");
            IOException e = assertThrows(IOException.class, () -> st.floats("steps"));
            assertTrue(e.getMessage().contains("steps") && e.getMessage().contains("I64"), e.getMessage());
        }
    }

    @Test
    void writtenTensorsReadBack() throws IOException {
        Path f = dir.resolve("out.safetensors");
        Safetensors.write(
                f,
                new java.util.LinkedHashMap<>(java.util.Map.of("a", new float[] {1, -2, 3.5f, 0})),
                java.util.Map.of("a", new long[] {2, 2}));
        try (Safetensors st = Safetensors.open(f)) {
            assertArrayEquals(new long[] {2, 2}, st.entries().get("a").shape());
            assertArrayEquals(new float[] {1, -2, 3.5f, 0}, st.floats("a"));
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> Safetensors.write(f, java.util.Map.of("a", new float[3]), java.util.Map.of("a", new long[] {2})));
    }

    @Test
    void theSameTensorsGiveTheSameBytes() throws IOException {
        java.util.Map<String, float[]> values = new java.util.LinkedHashMap<>();
        values.put("w", new float[] {1, 2});
        values.put("b", new float[] {0.5f});
        Path f = dir.resolve("w.safetensors");
        Safetensors.write(f, values, java.util.Map.of("w", new long[] {1, 2}, "b", new long[] {1}));
        byte[] all = Files.readAllBytes(f);
        String header = new String(all, 8, all.length - 8 - 12, java.nio.charset.StandardCharsets.UTF_8);
        // the whole header, so that a checksum of a converted file can be pinned (header keys in a fixed order)
        assertEquals(
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}",
                header.strip());
    }

    @Test
    void truncatedFileIsNamed() throws IOException {
        Path f = new TestSafetensors().zeros("w", 4, 4).write(dir.resolve("w.safetensors"));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 10));
        IOException e =
                assertThrows(IOException.class, () -> Safetensors.open(f).close());
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void foreignFilesAreRefused() throws IOException {
        Path png = Files.write(dir.resolve("x.safetensors"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5});
        IOException e =
                assertThrows(IOException.class, () -> Safetensors.open(png).close());
        assertTrue(e.getMessage().contains("not a safetensors file"), e.getMessage());
        byte[] notJson = new byte[8 + 4];
        notJson[0] = 4;
        System.arraycopy("oops".getBytes(), 0, notJson, 8, 4);
        Path bad = Files.write(dir.resolve("y.safetensors"), notJson);
        e = assertThrows(IOException.class, () -> Safetensors.open(bad).close());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void sizeThatDoesNotMatchTheShapeIsNamed() throws IOException {
        Path f = new TestSafetensors()
                .raw("w", "F32", new long[] {3}, new byte[8])
                .write(dir.resolve("w.safetensors"));
        IOException e =
                assertThrows(IOException.class, () -> Safetensors.open(f).close());
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("needs 12 bytes"), e.getMessage());
    }
}
