package dev.prodet.api.data;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The manipulated frames a dataset pairs with its real frames: a manipulated video made from a real video keeps
 * that video's background, pose and timing (FaceForensics++ {@code <Method>/TTT_SSS} is made from real video
 * {@code TTT}; Celeb-DF {@code idX_idY_NNNN} from {@code idX_NNNN}). The pairing is recorded when the dataset is
 * prepared, by the adapter that knows the layout; this is how the paired deepfake anchor (docs/method.md §4.3)
 * finds the manipulated frame of the same source video and time.
 *
 * @since 1.1
 */
@ProviderType
public interface ManipulationPairs {

    /** A dataset without pairs. */
    ManipulationPairs NONE = new ManipulationPairs() {
        @Override
        public Set<String> methods() {
            return Set.of();
        }

        @Override
        public List<FaceSample> manipulated(FaceSample real, String method) {
            return List.of();
        }
    };

    /** The manipulation methods that have at least one video paired with a real one, e.g. {@code Deepfakes}. */
    Set<String> methods();

    /**
     * The frames of {@code method}'s manipulated videos made from {@code real}'s video, at the same sampled frame
     * index ({@link FaceSample#frameIndex()}) as {@code real}; each cropped from its own video as the dataset was
     * prepared.
     *
     * @return one frame per paired video of that method (FaceForensics++: at most one); empty when no such video
     *     exists or its frame at that index was dropped (no face), never {@code null}
     */
    List<FaceSample> manipulated(FaceSample real, String method);
}
