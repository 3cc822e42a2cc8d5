package dev.prodet.data.internal.source;

import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain folder: {@code real/} and {@code fake/} holding videos or stills, optionally one sub-folder per person
 * ({@code real/alice/clip1.mp4}; the sub-folder is the identity, else each file is its own identity). Either the
 * root holds {@code real/} and {@code fake/} and identities are split 80/10/10 into train/val/test by a stable hash
 * of the identity (so no person is in two splits), or it holds {@code train/}, {@code val/}, {@code test/}, each
 * with {@code real/} and {@code fake/}.
 */
public final class FolderAdapter implements SourceAdapter {

    @Override
    public String name() {
        return "folder";
    }

    @Override
    public List<SourceItem> list(Path root) throws IOException {
        Walk.requireDir(root, "dataset folder");
        List<SourceItem> out = new ArrayList<>();
        boolean explicit = false;
        for (Split split : Split.values()) {
            Path dir = root.resolve(split.id());
            if (Files.isDirectory(dir)) {
                explicit = true;
                addLabelled(root, dir, split, out);
            }
        }
        if (!explicit) {
            addLabelled(root, root, null, out);
        }
        if (out.isEmpty()) {
            throw new IOException("no videos or images found under " + root.resolve("real") + " or "
                    + root.resolve("fake") + " (nor under train/, val/, test/); expected e.g. "
                    + root.resolve("real/clip1.mp4"));
        }
        return out;
    }

    private static void addLabelled(Path root, Path base, Split split, List<SourceItem> out) throws IOException {
        for (Label label : Label.values()) {
            Path dir = base.resolve(label == Label.REAL ? "real" : "fake");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Path f : Walk.media(dir)) {
                String rel = Walk.relative(root, f);
                Path inLabel = dir.relativize(f);
                String id = rel.substring(0, rel.lastIndexOf('.')).replace('/', '_');
                String identity =
                        inLabel.getNameCount() > 1 ? inLabel.getName(0).toString() : id;
                out.add(new SourceItem(f, rel, id, identity, label, split != null ? split : splitOf(identity)));
            }
        }
    }

    /** 80/10/10 by a hash of the identity that does not depend on the JVM (String.hashCode is specified). */
    static Split splitOf(String identity) {
        int bucket = Math.floorMod(identity.hashCode() * 0x9E3779B1, 10);
        return bucket < 8 ? Split.TRAIN : bucket == 8 ? Split.VAL : Split.TEST;
    }
}
