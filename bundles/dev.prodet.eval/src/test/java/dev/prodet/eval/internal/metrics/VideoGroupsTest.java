package dev.prodet.eval.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VideoGroupsTest {
    private static final double EPS = 1e-12;

    /**
     * FF++ names a real video and its fakes alike ("000"): grouping by folder name alone would merge real and fake
     * frames into one "video". Here real 000 (.2, .4), fake 000 (.9, .7), real 001 (.6), fake 002 (.5, .5).
     */
    @Test
    void videosAreGroupedByIdAndLabel() {
        List<String> ids = List.of("000", "000", "000", "000", "001", "002", "002");
        BinaryScores frames =
                new BinaryScores(new double[] {.2, .9, .4, .7, .6, .5, .5}, new int[] {0, 1, 0, 1, 0, 1, 1});
        VideoGroups g = new VideoGroups(ids, frames);
        assertEquals(4, g.size());
        // order of first appearance: real 000, fake 000, real 001, fake 002; score = mean of frames
        assertArrayEquals(new double[] {0.3, 0.8, 0.6, 0.5}, g.videos().scores(), EPS);
        assertArrayEquals(new int[] {0, 1, 0, 1}, g.videos().labels());
        assertArrayEquals(new int[] {0, 1, 0, 1, 2, 3, 3}, g.frameVideo());
        // fakes .8, .5 against reals .3, .6: .8 wins twice, .5 beats .3 only → 3/4
        assertEquals(0.75, Auc.of(g.videos(), "t"), EPS);
        // frame level differs: fakes .9 .7 .5 .5 vs reals .2 .4 .6 → 3+3+2+2 = 10 of 12
        assertEquals(10 / 12.0, Auc.of(frames, "t"), EPS);
    }

    @Test
    void bootstrapIsSeededAndBracketsTheEstimate() {
        // 20 real videos around .4, 20 fake around .6, 4 frames each, overlapping
        int videos = 40;
        int per = 4;
        double[] s = new double[videos * per];
        int[] l = new int[videos * per];
        String[] ids = new String[videos * per];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int v = 0; v < videos; v++) {
            int label = v % 2;
            double centre = label == 1 ? 0.6 : 0.4;
            for (int f = 0; f < per; f++) {
                int i = v * per + f;
                s[i] = centre + 0.25 * (r.nextDouble() - 0.5) + 0.1 * (v % 5) / 5;
                l[i] = label;
                ids[i] = "v" + v;
            }
        }
        BinaryScores frames = new BinaryScores(s, l);
        VideoGroups g = new VideoGroups(List.of(ids), frames);
        Interval[] a = new Bootstrap(500, 7).aucIntervals(frames, g, "t");
        Interval[] b = new Bootstrap(500, 7).aucIntervals(frames, g, "t");
        Interval[] c = new Bootstrap(500, 8).aucIntervals(frames, g, "t");
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        assertNotEquals(a[0], c[0]);
        double frameAuc = Auc.of(frames, "t");
        double videoAuc = Auc.of(g.videos(), "t");
        assertTrue(frameAuc > 0.5 && frameAuc < 1, "not a degenerate case: " + frameAuc);
        assertTrue(a[0].low() < frameAuc && frameAuc < a[0].high(), a[0] + " vs " + frameAuc);
        assertTrue(a[1].low() <= videoAuc && videoAuc <= a[1].high(), a[1] + " vs " + videoAuc);
        assertTrue(a[0].high() - a[0].low() > 0.01 && a[0].high() - a[0].low() < 0.5, a[0].toString());
    }

    @Test
    void separableDataHasAPointInterval() {
        int n = 2 * Bootstrap.MIN_VIDEOS_PER_CLASS;
        double[] s = new double[n];
        int[] l = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            l[i] = i % 2;
            s[i] = l[i] == 1 ? 0.8 + i / 1000.0 : 0.2 - i / 1000.0;
            ids[i] = "v" + i;
        }
        BinaryScores frames = new BinaryScores(s, l);
        Interval ci = new Bootstrap(100, 1).aucIntervals(frames, new VideoGroups(List.of(ids), frames), "t")[0];
        assertEquals(1.0, ci.low(), EPS);
        assertEquals(1.0, ci.high(), EPS);
    }

    @Test
    void tooFewVideosGiveNoIntervalRatherThanZeroToOne() {
        // the sample data's test split: 3 real videos, 3 forged ones
        BinaryScores frames = new BinaryScores(new double[] {.1, .7, .3, .8, .2, .9}, new int[] {0, 1, 0, 1, 0, 1});
        VideoGroups g = new VideoGroups(List.of("a", "fa", "b", "fb", "c", "fc"), frames);
        Interval[] ci = new Bootstrap(100, 1).aucIntervals(frames, g, "t");
        for (Interval i : ci) {
            assertFalse(i.available());
            assertEquals("n/a (6 videos)", i.toString());
        }
    }

    @Test
    void percentileInterpolatesLikeNumPy() {
        double[] v = {1, 2, 3, 4};
        assertEquals(1.75, Bootstrap.percentile(v, 0.25), EPS); // numpy.percentile([1,2,3,4], 25) = 1.75
        assertEquals(1.075, Bootstrap.percentile(v, 0.025), EPS);
        assertEquals(4.0, Bootstrap.percentile(v, 1.0), EPS);
    }
}
