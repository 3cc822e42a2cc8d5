package dev.prodet.data.internal.sample;

import dev.prodet.api.data.Split;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.VideoEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The video part of the sample data's validation split, used to choose the package threshold (never for reported
 * numbers): the last stretch in time of each <em>training</em> video (the rest of the split is the faces of two
 * group photos, {@link SampleDataBuilder}). The registries hold no further real-face video, and the test split must
 * stay unseen, so validation frames come from the training videos only: no test video and no person seen only in
 * testing (the two portraits) is looked at before the test. The stretch is contiguous and at the end, so the frames
 * nearest to a validation frame in time are mostly other validation frames, not training frames.
 */
public final class ValidationFrames {
    /** Share of each training video's sampled frames, at its end, that form the validation split. */
    public static final double FRACTION = 1.0 / 6;

    private ValidationFrames() {}

    /**
     * The manifest with the last {@code fraction} of every training video's frames (by sample index) in the
     * validation split and every other frame in its video's split (a still, such as a group photo, stays whole);
     * idempotent.
     */
    public static Manifest mark(Manifest m, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
        }
        List<VideoEntry> videos = new ArrayList<>();
        for (VideoEntry v : m.videos()) {
            List<FrameEntry> frames = new ArrayList<>(v.frames());
            frames.sort(Comparator.comparingInt(FrameEntry::sample));
            int held = v.split().equals(Split.TRAIN.id()) && v.framesInVideo() > 1 && frames.size() > 1
                    ? Math.max(1, (int) Math.round(frames.size() * fraction))
                    : 0;
            List<FrameEntry> out = new ArrayList<>(frames.size());
            for (int i = 0; i < frames.size(); i++) {
                out.add(frames.get(i).withSplit(i >= frames.size() - held ? Split.VAL.id() : null));
            }
            videos.add(new VideoEntry(
                    v.source(),
                    v.size(),
                    v.modified(),
                    v.videoId(),
                    v.identity(),
                    v.label(),
                    v.split(),
                    v.framesInVideo(),
                    v.sampled(),
                    v.dropped(),
                    out));
        }
        return new Manifest(
                m.format(),
                m.name(),
                m.sourceRoot(),
                m.preprocessorId(),
                m.preprocessorVersion(),
                m.framesPerVideo(),
                videos);
    }
}
