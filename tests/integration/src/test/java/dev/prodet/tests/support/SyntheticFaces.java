package dev.prodet.tests.support;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.DatasetProvider;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A dataset plugin for integration tests: procedural 64×64 "faces" of a few videos, no media files. */
public final class SyntheticFaces implements DatasetProvider {
    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public Dataset open(Path root) {
        List<FaceSample> samples = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(11);
        for (int v = 0; v < 4; v++) {
            for (int f = 0; f < 4; f++) {
                byte[] px = new byte[64 * 64 * 3];
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) (60 + 40 * v + r.nextInt(30));
                }
                float[] xy = new float[68 * 2];
                for (int i = 0; i < 68; i++) {
                    double a = 2 * Math.PI * i / 68;
                    xy[2 * i] = (float) (32 + (18 + v) * Math.cos(a));
                    xy[2 * i + 1] = (float) (32 + (22 - v) * Math.sin(a));
                }
                AlignedFace face = new AlignedFace(
                        new RgbImage(64, 64, px),
                        new Landmarks(xy),
                        new FaceBox(0, 0, 64, 64, 1),
                        new FacePreprocessorInfo("synthetic", "1"));
                samples.add(new FaceSample(face, "video" + v, "person" + v, Label.REAL, f, "v" + v + "/" + f + ".png"));
            }
        }
        return new Dataset() {
            @Override
            public String name() {
                return "synthetic";
            }

            @Override
            public List<FaceSample> samples(Split split) {
                return split == Split.TRAIN ? samples : List.of();
            }
        };
    }
}
