package dev.prodet.console.internal.training;

import dev.prodet.api.model.TrainingCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workspace's {@code runs/} folder: runs of earlier processes (shown with their curves, not steerable) and each
 * run's checkpoints. Run ids from a request are checked against the run-id pattern before they touch a path.
 */
final class RunFolders {
    /** The pattern {@code TrainingRequest} enforces for run ids; nothing else may name a folder here. */
    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path runs;

    RunFolders(Path workspace) {
        this.runs = workspace.resolve("runs");
    }

    /** The folder of a run id, which must match {@link #RUN_ID}. */
    Path folder(String id) {
        if (id == null || !RUN_ID.matcher(id).matches() || id.length() > 200) {
            throw new IllegalArgumentException("not a run id: letters, digits, '.', '_' or '-' only");
        }
        return runs.resolve(id);
    }

    /** Ids of the run folders that hold a {@code scalars.jsonl}, newest first. */
    List<String> onDisk() throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("scalars.jsonl")))
                    .filter(p -> RUN_ID.matcher(String.valueOf(p.getFileName())).matches())
                    .sorted(Comparator.comparing((Path p) -> modified(p.resolve("scalars.jsonl")))
                            .reversed())
                    .map(p -> String.valueOf(p.getFileName()))
                    .toList();
        }
    }

    /** The checkpoints of a run folder, oldest first: name, whether complete (state.json written), time. */
    static List<Map<String, Object>> checkpoints(Path runFolder) throws IOException {
        Path dir = runFolder.resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(p -> String.valueOf(p.getFileName())))
                    .toList()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", String.valueOf(p.getFileName()));
                m.put("complete", Files.isRegularFile(p.resolve(TrainingCheckpoint.STATE)));
                m.put("time", modified(p));
                out.add(m);
            }
        }
        return out;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
