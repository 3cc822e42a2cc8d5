package dev.prodet.data.internal.source;

import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Celeb-DF v2: {@code Celeb-real/idX_NNNN.mp4}, {@code YouTube-real/NNNNN.mp4}, {@code Celeb-synthesis/idX_idY_NNNN.mp4}
 * and {@code List_of_testing_videos.txt} ({@code <label> <relative path>} per line). Listed videos are the test
 * split; the others are split 90/10 into train/val by identity. The label comes from the folder; the list's
 * numbers are checked against it under whichever convention the whole list follows (1 = real in the v2 release),
 * and a list that mixes conventions is refused. A synthesis {@code idX_idY_NNNN} is recorded as a manipulation of
 * {@code Celeb-real/idX_NNNN} (method {@code Celeb-synthesis}).
 */
public final class CelebDfAdapter implements SourceAdapter {

    static final String TEST_LIST = "List_of_testing_videos.txt";
    private static final String[][] FOLDERS = {
        {"Celeb-real", "real"}, {"YouTube-real", "real"}, {"Celeb-synthesis", "fake"}
    };

    @Override
    public String name() {
        return "celebdf";
    }

    @Override
    public List<SourceItem> list(Path root) throws IOException {
        Map<String, String> testLabels = readTestList(root);
        List<SourceItem> out = new ArrayList<>();
        Boolean oneIsReal = null;
        for (String[] folder : FOLDERS) {
            Path dir = Walk.requireDir(root.resolve(folder[0]), "Celeb-DF folder " + folder[0]);
            Label label = folder[1].equals("real") ? Label.REAL : Label.FAKE;
            for (Path f : Walk.media(dir)) {
                String rel = Walk.relative(root, f);
                String stem = Walk.stem(f);
                String identity = folder[0].equals("YouTube-real") ? "yt" + stem : stem.split("_")[0];
                String listed = testLabels.remove(rel);
                Split split = listed != null
                        ? Split.TEST
                        : FolderAdapter.splitOf(identity) == Split.VAL ? Split.VAL : Split.TRAIN;
                if (listed != null) {
                    boolean saysOne = listed.equals("1");
                    boolean thisOneIsReal = saysOne == (label == Label.REAL);
                    if (oneIsReal == null) {
                        oneIsReal = thisOneIsReal;
                    } else if (oneIsReal != thisOneIsReal) {
                        throw new IOException(root.resolve(TEST_LIST) + ": label " + listed + " of " + rel
                                + " contradicts the convention of the earlier lines (the folder says " + label + ")");
                    }
                }
                String id = rel.substring(0, rel.lastIndexOf('.'));
                String[] parts = stem.split("_");
                if (label == Label.FAKE && parts.length == 3) {
                    // idX_idY_NNNN is idX's video NNNN with idY's face: a manipulation of Celeb-real/idX_NNNN
                    String original = FOLDERS[0][0] + "/" + parts[0] + "_" + parts[2];
                    out.add(new SourceItem(f, rel, id, identity, label, split, original, folder[0]));
                } else {
                    out.add(new SourceItem(f, rel, id, identity, label, split));
                }
            }
        }
        if (!testLabels.isEmpty()) {
            throw new IOException(
                    root.resolve(TEST_LIST) + " names " + testLabels.size() + " videos that are not on disk, e.g. "
                            + testLabels.keySet().iterator().next());
        }
        return out;
    }

    private static Map<String, String> readTestList(Path root) throws IOException {
        Path file = root.resolve(TEST_LIST);
        if (!Files.isRegularFile(file)) {
            throw new IOException("Celeb-DF test list not found: " + file);
        }
        Map<String, String> out = new HashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] parts = t.split("\\s+");
            if (parts.length != 2 || !(parts[0].equals("0") || parts[0].equals("1"))) {
                throw new IOException(file + " line " + n + ": expected '<0|1> <path>', got '" + t + "'");
            }
            out.put(parts[1].replace('\\', '/'), parts[0]);
        }
        return out;
    }
}
