package dev.prodet.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameIndicesTest {

    @Test
    void matchesNumpyLinspaceAsInt() {
        // numpy.linspace(0, 4799, 32).astype(int), franck.mp4's 4800 frames
        assertArrayEquals(
                new int[] {
                    0, 154, 309, 464, 619, 774, 928, 1083, 1238, 1393, 1548, 1702, 1857, 2012, 2167, 2322, 2476, 2631,
                    2786, 2941, 3096, 3250, 3405, 3560, 3715, 3870, 4024, 4179, 4334, 4489, 4644, 4799
                },
                FrameIndices.evenlySpaced(4800, 32));
        assertArrayEquals(new int[] {0, 3, 6, 9}, FrameIndices.evenlySpaced(10, 4));
    }

    @Test
    void shortVideosGiveEachFrameOnce() {
        assertArrayEquals(new int[] {0, 1, 2}, FrameIndices.evenlySpaced(3, 5)); // numpy: 0 0 1 1 2
        assertArrayEquals(new int[] {0}, FrameIndices.evenlySpaced(1, 32));
        assertArrayEquals(new int[] {0}, FrameIndices.evenlySpaced(100, 1));
    }

    @Test
    void rejectsEmptyVideosAndZeroFrames() {
        assertThrows(IllegalArgumentException.class, () -> FrameIndices.evenlySpaced(0, 32));
        assertThrows(IllegalArgumentException.class, () -> FrameIndices.evenlySpaced(10, 0));
    }
}
