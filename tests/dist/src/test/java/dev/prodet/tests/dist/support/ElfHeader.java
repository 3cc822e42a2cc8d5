package dev.prodet.tests.dist.support;

import java.util.Optional;

/**
 * The identification part of an ELF file header (System V ABI): word size, byte order and target machine. Enough to
 * tell which processor a native library was built for, with no tool outside the JVM.
 *
 * @param bits 32 or 64
 * @param littleEndian byte order
 * @param machine {@code e_machine}, e.g. {@link #EM_X86_64}
 */
public record ElfHeader(int bits, boolean littleEndian, int machine) {
    /** AMD x86-64. */
    public static final int EM_X86_64 = 62;
    /** ARM 64-bit (AArch64). */
    public static final int EM_AARCH64 = 183;
    /** Bytes needed to read the header fields used here. */
    public static final int LENGTH = 20;

    /** The header at the start of {@code head}, or empty when it is not an ELF file. */
    public static Optional<ElfHeader> read(byte[] head, int length) {
        if (length < LENGTH || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return Optional.empty();
        }
        int bits = head[4] == 1 ? 32 : head[4] == 2 ? 64 : 0; // EI_CLASS
        boolean little = head[5] == 1; // EI_DATA: 1 little-endian, 2 big-endian
        int lo = head[18] & 0xff;
        int hi = head[19] & 0xff;
        return Optional.of(new ElfHeader(bits, little, little ? lo | hi << 8 : hi | lo << 8));
    }

    /** The machine's name, for messages. */
    public String machineName() {
        return switch (machine) {
            case EM_X86_64 -> "x86-64";
            case EM_AARCH64 -> "aarch64";
            case 3 -> "i386";
            case 40 -> "arm";
            default -> "e_machine " + machine;
        };
    }

    @Override
    public String toString() {
        return "ELF" + bits + (littleEndian ? " LSB " : " MSB ") + machineName();
    }
}
