package dev.prodet.data.internal.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFilesTest {

    @TempDir
    Path dir;

    @Test
    void npyRoundTripWithAnAlignedNumpyHeader() throws IOException {
        Landmarks l = Landmarks.of(1.5f, -2f, 300.25f, 4f, 0f, 7.75f);
        Path f = dir.resolve("a.npy");
        DatasetFiles.writeNpy(f, l);
        assertEquals(l, DatasetFiles.readNpy(f));
        byte[] b = Files.readAllBytes(f);
        int headerEnd = 10 + ((b[8] & 0xff) | (b[9] & 0xff) << 8);
        assertEquals(0, headerEnd % 64, "numpy requires the data to start at a multiple of 64");
        String header = new String(b, 10, headerEnd - 10, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(headerEnd + 6 * 4, b.length);
    }

    @Test
    void pngRoundTripIsLossless() throws IOException {
        byte[] px = new byte[7 * 5 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 37);
        }
        RgbImage img = new RgbImage(7, 5, px);
        Path f = dir.resolve("sub/x.png");
        DatasetFiles.writePng(f, img);
        assertEquals(img, DatasetFiles.readImage(f));
    }

    @Test
    void unreadableImagesNameTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.jpg"), "not an image");
        IOException e = assertThrows(IOException.class, () -> DatasetFiles.readImage(f));
        assertTrue(e.getMessage().contains(f.toString()));
    }

    @Test
    void anImageThatDeclaresTooManyPixelsIsRefusedBeforeDecoding() throws IOException {
        // 57 bytes of PNG declaring 20000 x 20000 RGBA: 1.6 GB once decoded
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII));
        ihdr.putInt(20_000)
                .putInt(20_000)
                .put((byte) 8)
                .put((byte) 6)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        Path f = Files.write(dir.resolve("bomb.png"), png.array());
        IOException e = assertThrows(IOException.class, () -> DatasetFiles.readImage(f));
        assertEquals(
                "image too large to decode: " + f + " declares 400000000 pixels, more than 100000000 (100 megapixels)",
                e.getMessage());
    }

    @Test
    void manifestRoundTripAndFormatCheck() throws IOException {
        Manifest m = new Manifest(
                Manifest.FORMAT,
                "n",
                "/src",
                "pre",
                "1.0.0",
                32,
                List.of(new VideoEntry(
                        "a/b.mp4",
                        10,
                        20,
                        "b",
                        "p1",
                        "real",
                        "train",
                        100,
                        32,
                        2,
                        List.of(new FrameEntry(0, 0, "c/0.png", "s1", "c/0.npy", "s2")))));
        ManifestIo.write(dir, m);
        assertEquals(m, ManifestIo.read(dir));
        Files.writeString(dir.resolve(Manifest.FILE), "{\"format\": \"other\", \"videos\": []}");
        IOException e = assertThrows(IOException.class, () -> ManifestIo.read(dir));
        assertTrue(e.getMessage().contains(dir.resolve(Manifest.FILE).toString()), e.getMessage());
    }
}
