package dev.prodet.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceSampleTest {

    static final AlignedFace FACE = new AlignedFace(
            new RgbImage(1, 1, new byte[3]), Landmarks.of(0f, 0f), null, new FacePreprocessorInfo("p", "1"));

    @Test
    void relativePathMustBePortable() {
        assertEquals("a/b.png", new FaceSample(FACE, "v", "v", Label.FAKE, 3, "a/b.png").relativePath());
        for (String bad : List.of("/abs/b.png", "a\\b.png", "C:/x.png", " ")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> new FaceSample(FACE, "v", "v", Label.REAL, 0, bad));
            assertTrue(e.getMessage().startsWith("FaceSample.relativePath"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new FaceSample(FACE, "v", "v", Label.REAL, -1, "a"));
        assertThrows(IllegalArgumentException.class, () -> new FaceSample(FACE, "", "v", Label.REAL, 0, "a"));
    }

    @Test
    void labelsAndSplits() {
        assertEquals(Label.FAKE, Label.fromCode(1));
        assertThrows(IllegalArgumentException.class, () -> Label.fromCode(2));
        assertEquals(Split.VAL, Split.parse("Validation"));
        assertEquals("test", Split.TEST.id());
        assertThrows(IllegalArgumentException.class, () -> Split.parse("dev"));
    }

    @Test
    void datasetSizesDefaultToListSizes() {
        FaceSample s = new FaceSample(FACE, "v", "v", Label.REAL, 0, "a.png");
        Dataset ds = new Dataset() {
            @Override
            public String name() {
                return "tiny";
            }

            @Override
            public List<FaceSample> samples(Split split) {
                return split == Split.TRAIN ? List.of(s, s) : split == Split.TEST ? List.of(s) : List.of();
            }
        };
        assertEquals(2, ds.size(Split.TRAIN));
        assertEquals(3, ds.size());
    }
}
