package dev.prodet.forgery.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LandmarkDonorIndexTest {

    @Test
    void donorsComeOnlyFromOtherVideosNearestFirst() {
        List<FaceSample> pool = SyntheticFaces.pool(8, 4);
        LandmarkDonorIndex index = LandmarkDonorIndex.of(pool);
        assertEquals(32, index.size());
        for (FaceSample target : pool) {
            List<FaceSample> donors = index.donors(target, 5);
            assertEquals(5, donors.size());
            double last = -1;
            for (FaceSample d : donors) {
                assertNotEquals(target.videoId(), d.videoId(), "donor from the target's own video");
                double dist = distance(target.face().landmarks(), d.face().landmarks());
                assertTrue(dist >= last, "nearest first");
                last = dist;
            }
            // brute force agrees on the nearest one
            double best = pool.stream()
                    .filter(s -> !s.videoId().equals(target.videoId()))
                    .mapToDouble(
                            s -> distance(target.face().landmarks(), s.face().landmarks()))
                    .min()
                    .orElseThrow();
            assertEquals(
                    best,
                    distance(target.face().landmarks(), donors.get(0).face().landmarks()),
                    1e-9);
        }
    }

    @Test
    void sameVideoNeighboursAreSkippedEvenWhenTheyAreIdentical() {
        FaceSample a = SyntheticFaces.face("vid-a", "x", 0);
        FaceSample twin = new FaceSample(a.face(), "vid-a", "x", a.label(), 1, "vid-a/1.png");
        FaceSample far = SyntheticFaces.face("vid-b", "y", 0, 0.6);
        LandmarkDonorIndex index = LandmarkDonorIndex.of(List.of(twin, far));
        assertEquals(List.of(far), index.donors(a, 3));
        NoDonorException e = assertThrows(NoDonorException.class, () -> LandmarkDonorIndex.of(List.of(twin))
                .pickDonor(a, 3, new SplittableRandom(1)));
        assertEquals("vid-a", e.videoId());
        assertTrue(e.getMessage().contains("vid-a"), e.getMessage());
    }

    @Test
    void tiesKeepInsertionOrderAndKIsCapped() {
        Landmarks l = SyntheticFaces.face("t", "t", 0).face().landmarks();
        LandmarkDonorIndex.Builder b = LandmarkDonorIndex.builder();
        for (int i = 0; i < 4; i++) {
            b.add("v" + i, l, () -> null);
        }
        LandmarkDonorIndex index = b.build();
        assertArrayEquals(new int[] {0, 1, 3}, index.nearest(l, "v2", 3));
        assertArrayEquals(new int[] {0, 1, 3}, index.nearest(l, "v2", 10));
        assertEquals(0, LandmarkDonorIndex.builder().build().nearest(l, "v", 3).length);
        assertThrows(IllegalArgumentException.class, () -> index.nearest(l, "v2", 0));
        assertThrows(IllegalArgumentException.class, () -> index.nearest(l.subset(0, 60), "v2", 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> LandmarkDonorIndex.builder().add("a", l, () -> null).add("b", l.subset(0, 60), () -> null));
    }

    @Test
    void facesAreLoadedLazilyOnlyWhenReturnedAndResultsAreCached() {
        List<FaceSample> pool = SyntheticFaces.pool(5, 1);
        AtomicInteger loads = new AtomicInteger();
        LandmarkDonorIndex.Builder b = LandmarkDonorIndex.builder();
        for (FaceSample s : pool) {
            b.add(s.videoId(), s.face().landmarks(), () -> {
                loads.incrementAndGet();
                return s;
            });
        }
        LandmarkDonorIndex index = b.build();
        FaceSample target = pool.get(0);
        List<FaceSample> first = index.donors(target, 2);
        assertEquals(2, loads.get());
        assertEquals(first, index.donors(target, 2));
        FaceSample picked = index.pickDonor(target, 2, new SplittableRandom(3));
        assertTrue(first.contains(picked));
        assertSame(pool.get(1).getClass(), picked.getClass());
    }

    private static double distance(Landmarks a, Landmarks b) {
        double s = 0;
        float[] x = a.toArray();
        float[] y = b.toArray();
        for (int i = 0; i < x.length; i++) {
            s += (double) (x[i] - y[i]) * (x[i] - y[i]);
        }
        return s;
    }
}
