package dev.prodet.train.djl.internal.data;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Split;
import java.util.List;

/** A dataset held in memory: every face in one split. */
public record MemoryDataset(String name, Split split, List<FaceSample> faces) implements Dataset {
    /** All faces in the training split. */
    public static MemoryDataset train(List<FaceSample> faces) {
        return new MemoryDataset("memory", Split.TRAIN, List.copyOf(faces));
    }

    @Override
    public List<FaceSample> samples(Split s) {
        return s == split ? faces : List.of();
    }
}
