package dev.prodet.api.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.FaceBox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionTest {

    @Test
    void keepsTimingOrderAndValidates() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("decode", 1.0);
        t.put("face", 2.0);
        t.put("infer", 3.0);
        Detection d = new Detection(0.9, "fake", 0.5, "prodet", "1", List.of(new FaceBox(0, 0, 1, 1, 1)), t);
        t.put("extra", 4.0);
        assertEquals(List.of("decode", "face", "infer"), List.copyOf(d.timings().keySet()));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Detection(1.1, "fake", 0.5, "m", "1", List.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("Detection.fakeness must be in [0, 1], got: 1.1"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Detection(0.1, "real", 0.5, "m", "1", List.of(), Map.of("infer", -1.0)));
    }
}
