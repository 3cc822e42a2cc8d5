package dev.prodet.train.djl.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TupleAugmentationTest {
    static final TupleAugmentation.Settings EVERYTHING = new TupleAugmentation.Settings(true, 1, 1, 0.5, 1, 1, 8);

    @Test
    void oneDrawChangesEqualImagesEquallyAndTheJointPartDoesNotDependOnTheOptions() {
        RgbImage face = SyntheticFaces.face("v", "p", 0).face().image();
        for (long seed = 0; seed < 5; seed++) {
            TupleAugmentation a = TupleAugmentation.draw(EVERYTHING, new SplittableRandom(seed));
            RgbImage out = a.apply(face);
            assertEquals(out, a.apply(face), "the noise field and every parameter are part of the draw");
            assertNotEquals(face, out);
            TupleAugmentation official =
                    TupleAugmentation.draw(TupleAugmentation.Settings.OFFICIAL, new SplittableRandom(seed));
            assertEquals(official.joint(), a.joint(), "options on or off, the same joint draw");
            assertEquals(1.0, official.scale());
            assertEquals(0.0, official.noise());
        }
    }

    @Test
    void flipMirrorsLeftAndRight() {
        RgbImage face = SyntheticFaces.face("v", "p", 0).face().image();
        TupleAugmentation flip =
                new TupleAugmentation(dev.prodet.forgery.blend.JointAugmentation.identity(), true, 1, 0, 0, 0);
        byte[] in = face.rgb();
        byte[] out = flip.apply(face).rgb();
        int w = face.width();
        for (int c = 0; c < 3; c++) {
            assertEquals(in[3 * (5 * w + 7) + c], out[3 * (5 * w + w - 1 - 7) + c]);
        }
        assertEquals(face, flip.apply(flip.apply(face)));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TupleAugmentation.Settings(true, 1.5, 0, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TupleAugmentation.Settings(true, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TupleAugmentation.Settings(true, 0, 0, 1, 0, 1, 100));
    }
}
