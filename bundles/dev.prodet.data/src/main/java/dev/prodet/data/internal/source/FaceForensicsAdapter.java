package dev.prodet.data.internal.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * FaceForensics++ as its download script lays it out: {@code original_sequences/youtube/<c>/videos/NNN.mp4} (real),
 * {@code manipulated_sequences/<method>/<c>/videos/TTT_SSS.mp4} (fake: target TTT, source SSS) for every method
 * folder present, and the official {@code splits/{train,val,test}.json}, each a list of {@code ["TTT", "SSS"]}
 * pairs: both ids' real videos and both orders of fakes belong to that split. Compression {@code c23} unless
 * given. The identity of a fake is its target (the person whose video it is), and each fake is recorded as a
 * manipulation of its target's real video by its method, for the paired deepfake anchor.
 */
public final class FaceForensicsAdapter implements SourceAdapter {

    private static final String DFD = "DeepFakeDetection";

    private final String compression;

    /** @param compression {@code c0}, {@code c23} or {@code c40} */
    public FaceForensicsAdapter(String compression) {
        this.compression = compression;
    }

    @Override
    public String name() {
        return "ffpp";
    }

    @Override
    public List<SourceItem> list(Path root) throws IOException {
        Map<String, Split> splitOf = readSplits(root);
        List<SourceItem> out = new ArrayList<>();
        Path real = Walk.requireDir(
                root.resolve("original_sequences/youtube/" + compression + "/videos"),
                "FaceForensics++ real videos (compression " + compression + ")");
        for (Path f : Walk.media(real)) {
            String id = Walk.stem(f);
            out.add(new SourceItem(f, Walk.relative(root, f), id, id, Label.REAL, lookup(splitOf, id, f)));
        }
        Path manipulated = Walk.requireDir(root.resolve("manipulated_sequences"), "FaceForensics++ fakes");
        try (var methods = Files.list(manipulated)) {
            for (Path method : methods.filter(Files::isDirectory).sorted().toList()) {
                Path videos = method.resolve(compression).resolve("videos");
                if (!Files.isDirectory(videos)
                        || String.valueOf(method.getFileName()).equals(DFD)) {
                    // DeepFakeDetection (actors' videos, names like 01_02__scene__ID) is a dataset of its own that
                    // the download script puts beside the 4+1 FF++ methods; only those follow TTT_SSS
                    continue;
                }
                for (Path f : Walk.media(videos)) {
                    String pair = Walk.stem(f);
                    String target = pair.split("_")[0];
                    out.add(new SourceItem(
                            f,
                            Walk.relative(root, f),
                            method.getFileName() + "/" + pair,
                            target,
                            Label.FAKE,
                            lookup(splitOf, target, f),
                            target, // TTT_SSS keeps target TTT's video: background, pose, timing
                            String.valueOf(method.getFileName())));
                }
            }
        }
        return out;
    }

    private static Split lookup(Map<String, Split> splitOf, String id, Path file) throws IOException {
        Split s = splitOf.get(id);
        if (s == null) {
            throw new IOException("video id " + id + " of " + file + " is in none of the official split files");
        }
        return s;
    }

    private static Map<String, Split> readSplits(Path root) throws IOException {
        Map<String, Split> out = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Split split : Split.values()) {
            Path file = root.resolve("splits").resolve(split.id() + ".json");
            if (!Files.isRegularFile(file)) {
                throw new IOException("FaceForensics++ split file not found: " + file
                        + " (get splits/ from the FaceForensics++ repository)");
            }
            JsonNode pairs = json.readTree(file.toFile());
            if (pairs == null || !pairs.isArray()) {
                throw new IOException(file + " must be a JSON list of [target, source] id pairs");
            }
            for (JsonNode pair : pairs) {
                for (JsonNode id : pair) {
                    Split before = out.put(id.asText(), split);
                    if (before != null && before != split) {
                        throw new IOException("video id " + id.asText() + " is in both " + before.id() + " and "
                                + split.id() + " split files under " + file.getParent());
                    }
                }
            }
        }
        return out;
    }
}
