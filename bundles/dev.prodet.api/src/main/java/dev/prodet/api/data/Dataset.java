package dev.prodet.api.data;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An opened dataset: its samples per split.
 *
 * <p>Datasets can be far larger than memory, so {@link #samples(Split)} may return a list view that loads each
 * crop when it is read; it must still be stable (same order, same samples) for the life of this object.
 */
@ProviderType
public interface Dataset {

    /** Name of the dataset, e.g. {@code FaceForensics++}. */
    String name();

    /**
     * The samples of one split, in a stable order.
     *
     * @return an unmodifiable list, empty when the dataset has no such split, never {@code null}
     */
    List<FaceSample> samples(Split split);

    /** Number of samples in one split. */
    default int size(Split split) {
        return samples(split).size();
    }

    /**
     * The manipulated frames this dataset pairs with its real ones; {@link ManipulationPairs#NONE} when it has no
     * pairing (a folder of faces, the sample data).
     *
     * @since 1.1
     */
    default ManipulationPairs manipulationPairs() {
        return ManipulationPairs.NONE;
    }

    /** Number of samples over all splits. */
    default int size() {
        int n = 0;
        for (Split s : Split.values()) {
            n += size(s);
        }
        return n;
    }
}
