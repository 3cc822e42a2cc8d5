package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.nn.Safetensors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small TensorFlow.js layers model written here, in both the plain and the JavaScript-wrapped form. */
class TfjsLayersWeightsTest {
    @TempDir
    Path dir;

    // conv [kh=1, kw=2, in=2, out=3] uint8 (min -1, scale 0.5); depthwise [2, 1, 2, 1] float32; dense [2, 3] float16;
    // bias [3] uint16 (min 1, scale 0.25)
    private static final String MANIFEST = "[{paths:[\"group1-shard1of1\"],weights:["
            + "{name:\"c/kernel\",shape:[1,2,2,3],dtype:\"float32\",quantization:{min:-1,scale:.5,dtype:\"uint8\"}},"
            + "{name:\"d/depthwise_kernel\",shape:[2,1,2,1],dtype:\"float32\"},"
            + "{name:\"dense_1/kernel\",shape:[2,3],dtype:\"float32\",quantization:{dtype:\"float16\"}},"
            + "{name:\"c_bn/beta\",shape:[3],dtype:\"float32\",quantization:{min:1,scale:.25,dtype:\"uint16\"}}]}]";

    private static byte[] shard() {
        ByteBuffer b = ByteBuffer.allocate(12 + 16 + 12 + 6).order(ByteOrder.LITTLE_ENDIAN);
        for (int q = 0; q < 12; q++) {
            b.put((byte) q); // kernel value at [y][x][c][o] (row-major) = q·0.5 − 1
        }
        for (float f : new float[] {1, 2, 3, 4}) {
            b.putFloat(f); // depthwise [y][0][c][0]
        }
        for (short h : new short[] {0x3c00, 0x4000, 0x4200, (short) 0xbc00, 0x3800, 0x0000}) {
            b.putShort(h); // 1, 2, 3, −1, 0.5, 0
        }
        for (short q : new short[] {0, 4, 400}) {
            b.putShort(q); // 1, 2, 101
        }
        return b.array();
    }

    private Path plain() throws IOException {
        Files.writeString(
                dir.resolve("model.json"),
                "{\"format\":\"layers-model\",\"weightsManifest\":"
                        + MANIFEST.replaceAll("(\\w+):", "\"$1\":").replace("\"\"", "\"") + "}");
        Files.write(dir.resolve("group1-shard1of1"), shard());
        return dir.resolve("model.json");
    }

    private Path wrapped() throws IOException {
        Files.writeString(
                dir.resolve("model.min.js"),
                "!function(e){a.exports={modelTopology:{},weightsManifest:" + MANIFEST + "}}();");
        Files.writeString(
                dir.resolve("group1-shard1of1.min.js"),
                "!function(){return \"x\",{1:[function(e,a){a.exports=\""
                        + Base64.getEncoder().encodeToString(shard()) + "\"}]}}();",
                StandardCharsets.US_ASCII);
        return dir.resolve("model.min.js");
    }

    @Test
    void bothFormsGiveTheSameTensorsInPyTorchLayout() throws IOException {
        for (Path model : List.of(plain(), wrapped())) {
            TfjsLayersWeights.Tensors t = TfjsLayersWeights.read(model);
            assertEquals(
                    List.of("c/kernel", "d/depthwise_kernel", "dense_1/kernel", "c_bn/beta"),
                    List.copyOf(t.values().keySet()),
                    model.toString());
            assertArrayEquals(new long[] {3, 2, 1, 2}, t.shapes().get("c/kernel"));
            float[] k = t.values().get("c/kernel");
            // out o, in c, x: source index (x·2 + c)·3 + o
            for (int o = 0; o < 3; o++) {
                for (int c = 0; c < 2; c++) {
                    for (int x = 0; x < 2; x++) {
                        assertEquals(((x * 2 + c) * 3 + o) * 0.5f - 1, k[(o * 2 + c) * 2 + x], 1e-6);
                    }
                }
            }
            assertArrayEquals(new long[] {2, 1, 2, 1}, t.shapes().get("d/depthwise_kernel"));
            assertArrayEquals(new float[] {1, 3, 2, 4}, t.values().get("d/depthwise_kernel"));
            assertArrayEquals(new long[] {3, 2}, t.shapes().get("dense_1/kernel"));
            assertArrayEquals(new float[] {1, -1, 2, 0.5f, 3, 0}, t.values().get("dense_1/kernel"));
            assertArrayEquals(new float[] {1, 2, 101}, t.values().get("c_bn/beta"));
        }
    }

    @Test
    void importWritesSafetensorsAndNothingOnFailure() throws IOException {
        Path out = dir.resolve("w/out.safetensors");
        Path model = wrapped();
        String report = WeightsCommands.importTfjs(model, out);
        assertTrue(report.contains("4 tensors (25 values)"), report);
        try (Safetensors st = Safetensors.open(out)) {
            assertArrayEquals(
                    new long[] {3, 2, 1, 2}, st.entries().get("c/kernel").shape());
            assertArrayEquals(new float[] {1, 2, 101}, st.floats("c_bn/beta"));
        }
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(
                Files.getPosixFilePermissions(plain),
                Files.getPosixFilePermissions(out),
                "the permissions of any new file (the umask's), not a temporary file's owner-only ones");
        Files.delete(plain);
        Files.delete(dir.resolve("group1-shard1of1.min.js"));
        Path second = dir.resolve("w/second.safetensors");
        IOException e = assertThrows(IOException.class, () -> WeightsCommands.importTfjs(model, second));
        assertFalse(Files.exists(second));
        try (var left = Files.list(dir.resolve("w"))) {
            assertEquals(1, left.count(), "only the first file, no partial one");
        }
        assertTrue(e.getMessage().contains("group1-shard1of1"), e.getMessage());
    }

    @Test
    void shardsLongerOrShorterThanTheManifestAreErrors() throws IOException {
        Path model = plain();
        Files.write(dir.resolve("group1-shard1of1"), java.util.Arrays.copyOf(shard(), shard().length + 4));
        IOException extra = assertThrows(IOException.class, () -> TfjsLayersWeights.read(model));
        assertTrue(extra.getMessage().contains("4 bytes of the shards are not described"), extra.getMessage());
        Files.write(dir.resolve("group1-shard1of1"), java.util.Arrays.copyOf(shard(), 20));
        IOException shortShard = assertThrows(IOException.class, () -> TfjsLayersWeights.read(model));
        assertTrue(shortShard.getMessage().contains("end inside weight d/depthwise_kernel"), shortShard.getMessage());
    }

    @Test
    void shapesThatOverflowOrDoNotParseAreErrorsNamingTheWeight() throws IOException {
        plain();
        assertRefused("w", "[4294967296,4294967296,4]", "weight w has a shape too large");
        assertRefused("v", "[99999999999999999999]", "weight v has an unreadable shape");
    }

    /** A one-weight manifest over the test's shard is refused with {@code message}. */
    private void assertRefused(String weight, String shape, String message) throws IOException {
        Path model = Files.writeString(
                dir.resolve(weight + ".json"),
                "{\"weightsManifest\":[{\"paths\":[\"group1-shard1of1\"],\"weights\":[{\"name\":\"" + weight
                        + "\",\"shape\":" + shape + ",\"dtype\":\"float32\"}]}]}");
        IOException e = assertThrows(IOException.class, () -> TfjsLayersWeights.read(model));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aFileWithoutManifestIsRefusedByName() throws IOException {
        Path notModel = Files.writeString(dir.resolve("x.json"), "{\"hello\":1}");
        IOException e = assertThrows(IOException.class, () -> TfjsLayersWeights.read(notModel));
        assertTrue(e.getMessage().contains("not a TensorFlow.js layers model"), e.getMessage());
    }
}
