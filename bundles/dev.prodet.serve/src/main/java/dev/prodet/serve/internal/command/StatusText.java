package dev.prodet.serve.internal.command;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.serve.internal.EdgeRuntime;
import dev.prodet.serve.internal.repo.VersionStatus;
import java.util.ArrayList;
import java.util.List;

/** Plain-text renderings shared by the commands. */
final class StatusText {
    private StatusText() {}

    /** One row per model version: name, version, state, provider, in-flight requests, reason. */
    static String table(List<VersionStatus> rows) {
        if (rows.isEmpty()) {
            return "no model versions";
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"MODEL", "VERSION", "STATE", "PROVIDER", "IN-FLIGHT", "REASON"});
        for (VersionStatus s : rows) {
            cells.add(new String[] {
                s.name(), s.version(), s.state().name(), s.provider(), Integer.toString(s.inFlight()), s.message()
            });
        }
        int[] width = new int[5];
        for (String[] r : cells) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : cells) {
            for (int i = 0; i < 5; i++) {
                sb.append(String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            sb.append(r[5]).append(System.lineSeparator());
        }
        return sb.toString().stripTrailing();
    }

    /** The runtime's state in a few lines. */
    static String status(EdgeRuntime runtime, String endpoints) {
        var repo = runtime.repository();
        StringBuilder sb = new StringBuilder();
        sb.append("ready: ").append(repo.ready() ? "yes" : "no").append(System.lineSeparator());
        sb.append("http: ").append(endpoints).append(System.lineSeparator());
        sb.append("models folder: ").append(repo.describeRoot()).append(System.lineSeparator());
        FacePreprocessorInfo face = runtime.facePreprocessor();
        sb.append("face preprocessor: ")
                .append(face == null ? "none (only aligned=true crops)" : face)
                .append(System.lineSeparator());
        runtime.settings()
                .describe()
                .forEach((k, v) -> sb.append(k).append(": ").append(v).append(System.lineSeparator()));
        sb.append(table(repo.status()));
        return sb.toString();
    }
}
