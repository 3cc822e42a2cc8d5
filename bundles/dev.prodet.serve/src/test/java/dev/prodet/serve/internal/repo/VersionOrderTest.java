package dev.prodet.serve.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {
    @Test
    void numbersCompareAsNumbers() {
        List<String> v = new ArrayList<>(List.of("10", "2", "1.10", "1.9", "1", "b", "a", "01"));
        v.sort(VersionOrder.INSTANCE);
        assertEquals(List.of("01", "1", "1.9", "1.10", "2", "10", "a", "b"), v);
    }

    @Test
    void policiesParseAndPickCandidatesNewestFirst() {
        List<String> versions = List.of("1", "2", "3");
        assertEquals(List.of("3", "2", "1"), VersionPolicy.parse("latest").candidates(versions));
        assertEquals(1, VersionPolicy.parse("latest").keep());
        assertEquals(2, VersionPolicy.parse("latest:2").keep());
        assertEquals(List.of("3", "1"), VersionPolicy.parse("specific:1,3").candidates(versions));
        assertEquals("specific:1,3", VersionPolicy.parse("specific:1,3").toString());
        assertThrows(IllegalArgumentException.class, () -> VersionPolicy.parse("newest"));
        assertThrows(IllegalArgumentException.class, () -> VersionPolicy.parse("latest:0"));
        assertThrows(IllegalArgumentException.class, () -> VersionPolicy.parse("specific:"));
    }
}
