package dev.prodet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativePlatformTest {
    @Test
    void javasArchitectureNamesMapToUnameNames() {
        assertEquals("linux-x86_64", NativePlatform.of("Linux", "amd64"));
        assertEquals("linux-x86_64", NativePlatform.of("Linux", "x86_64"));
        assertEquals("linux-aarch64", NativePlatform.of("Linux", "aarch64"));
        assertEquals("macosx-aarch64", NativePlatform.of("Mac OS X", "aarch64"));
        assertEquals("linux-riscv64", NativePlatform.of("Linux", "riscv64"));
    }

    @Test
    void aFeatureBundleNamesItsPlatformInItsMetadata() {
        assertEquals("linux-aarch64", NativePlatform.of(Map.of(NativePlatform.METADATA, "linux-aarch64")));
        assertNull(NativePlatform.of(Map.of()));
    }
}
