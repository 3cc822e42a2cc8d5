package dev.prodet.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.tests.dist.support.ElfHeader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ElfHeaderTest {
    static byte[] header(int elfClass, int data, int machineLo, int machineHi) {
        byte[] h = new byte[64];
        h[0] = 0x7f;
        h[1] = 'E';
        h[2] = 'L';
        h[3] = 'F';
        h[4] = (byte) elfClass;
        h[5] = (byte) data;
        h[18] = (byte) machineLo;
        h[19] = (byte) machineHi;
        return h;
    }

    @Test
    void readsWordSizeByteOrderAndMachine() {
        assertEquals(
                new ElfHeader(64, true, ElfHeader.EM_X86_64),
                ElfHeader.read(header(2, 1, 62, 0), 64).orElseThrow());
        assertEquals(
                new ElfHeader(64, true, ElfHeader.EM_AARCH64),
                ElfHeader.read(header(2, 1, 183, 0), 64).orElseThrow());
        assertEquals(
                new ElfHeader(32, false, 40),
                ElfHeader.read(header(1, 2, 0, 40), 64).orElseThrow());
        assertEquals(
                "ELF64 LSB aarch64",
                ElfHeader.read(header(2, 1, 183, 0), 64).orElseThrow().toString());
    }

    @Test
    void otherFilesAndShortReadsAreNotElf() {
        assertTrue(ElfHeader.read("PK\u0003\u0004 a zip file".getBytes(), 20).isEmpty());
        assertTrue(ElfHeader.read(header(2, 1, 62, 0), 10).isEmpty());
    }

    @Test
    void theRunningJvmsOwnLibraryIsForThisMachine() throws Exception {
        Path lib = Path.of(System.getProperty("java.home"), "lib", "libjava.so");
        int expected = System.getProperty("os.arch").equals("aarch64") ? ElfHeader.EM_AARCH64 : ElfHeader.EM_X86_64;
        try (InputStream in = Files.newInputStream(lib)) {
            byte[] head = in.readNBytes(ElfHeader.LENGTH);
            assertEquals(
                    expected, ElfHeader.read(head, head.length).orElseThrow().machine());
        }
    }
}
