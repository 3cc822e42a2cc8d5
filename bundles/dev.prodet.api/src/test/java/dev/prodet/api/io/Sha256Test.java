package dev.prodet.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @TempDir
    Path dir;

    @Test
    void matchesTheStandardTestVector() {
        // FIPS 180-2, appendix B.1
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aFileAndAStreamGiveTheChecksumOfTheirBytes() throws Exception {
        byte[] bytes = new byte[200_000]; // more than one read buffer
        new Random(7).nextBytes(bytes);
        Path f = Files.write(dir.resolve("blob.bin"), bytes);
        String expected = Sha256.of(bytes);
        assertEquals(expected, Sha256.of(f));
        assertEquals(expected, Sha256.of(new ByteArrayInputStream(bytes)));
    }
}
