package dev.prodet.eval.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import dev.prodet.eval.internal.fixtures.BlendGenerators;
import dev.prodet.eval.internal.fixtures.MemoryDataset;
import dev.prodet.eval.internal.fixtures.SyntheticFaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForgedDatasetTest {
    @Test
    void everyGeneratorForgesEveryRealFaceIntoItsOwnVideos() {
        List<FaceSample> real = new ArrayList<>(SyntheticFaces.dataset(3, 2, 64, 1));
        real.removeIf(s -> s.label() == Label.FAKE); // 6 real faces of videos 000, 001, 002
        ForgedDataset d = new ForgedDataset(
                new MemoryDataset("Real", real),
                Split.TEST,
                Map.of("test-sbi", BlendGenerators.selfBlend(), "test-cbi", BlendGenerators.crossBlend()),
                4);
        assertEquals("Real+test-cbi+test-sbi", d.name());
        List<FaceSample> s = d.samples(Split.TEST);
        assertEquals(6 + 2 * 6, s.size());
        assertEquals(real.get(0), s.get(0));
        FaceSample cbi = s.get(6); // generators in name order: test-cbi first
        assertEquals(Label.FAKE, cbi.label());
        assertEquals("test-cbi/000", cbi.videoId());
        assertEquals("forged/test-cbi/" + real.get(0).relativePath(), cbi.relativePath());
        assertNotEquals(real.get(0).face().image(), cbi.face().image());
        assertEquals(cbi.face().image(), d.samples(Split.TEST).get(6).face().image(), "made again, same image");
        assertEquals("test-sbi/002", s.get(17).videoId());
        assertTrue(d.samples(Split.TRAIN).isEmpty());
    }

    @Test
    void allLeavesOutAGeneratorThatRefusesTheDatasetAndSaysWhy() {
        List<FaceSample> real = new ArrayList<>(SyntheticFaces.dataset(2, 2, 64, 1));
        real.removeIf(s -> s.label() == Label.FAKE);
        dev.prodet.api.forgery.ForgeryGenerator needsPairs = new dev.prodet.api.forgery.ForgeryGenerator() {
            @Override
            public dev.prodet.api.forgery.AnchorKind anchorKind() {
                return dev.prodet.api.forgery.AnchorKind.DEEPFAKE;
            }

            @Override
            public dev.prodet.api.forgery.Forgery generate(
                    FaceSample t, dev.prodet.api.forgery.ForgeryContext ctx, java.util.random.RandomGenerator r) {
                throw new IllegalStateException(
                        "no manipulation pairs in " + ctx.manipulationPairs().methods());
            }
        };
        List<String> skipped = new ArrayList<>();
        Map<String, dev.prodet.api.forgery.ForgeryGenerator> usable = ForgedDataset.usable(
                new MemoryDataset("Real", real),
                Split.TEST,
                Map.of("test-sbi", BlendGenerators.selfBlend(), "pairs", needsPairs),
                (g, why) -> skipped.add(g + ": " + why));
        assertEquals(List.of("test-sbi"), List.copyOf(usable.keySet()));
        assertEquals(List.of("pairs: no manipulation pairs in []"), skipped);
    }
}
