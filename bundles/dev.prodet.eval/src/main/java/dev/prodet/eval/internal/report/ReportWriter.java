package dev.prodet.eval.internal.report;

import dev.prodet.eval.internal.run.DatasetResult;
import dev.prodet.eval.internal.run.EvalReport;
import dev.prodet.eval.internal.run.Prediction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an evaluation into a report folder: {@code report.json}, {@code auc_table.md} and {@code .csv},
 * {@code predictions.csv}, {@code roc_frame}, {@code roc_video}, {@code robustness_<dataset>} and
 * {@code feature_map} as PNG and SVG, and {@code index.html}.
 */
public final class ReportWriter {
    static {
        // Charts are drawn off-screen; a server or CI JVM has no display. Only set when nobody chose otherwise.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportWriter() {}

    /**
     * Writes the report into {@code dir} (created if needed; files of the same names are replaced).
     *
     * @return the Markdown AUC table
     */
    public static String write(EvalReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        JsonReport.JSON.writeValue(dir.resolve("report.json").toFile(), JsonReport.of(r));
        String md = Tables.markdown(r.datasets());
        Files.writeString(dir.resolve("auc_table.md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("auc_table.csv"), Tables.csv(r.datasets()), StandardCharsets.UTF_8);
        writePredictions(r, dir.resolve("predictions.csv"));
        List<String> plots = new ArrayList<>();
        ChartFiles.write(Charts.roc(r.datasets(), false), dir, "roc_frame");
        plots.add("roc_frame");
        ChartFiles.write(Charts.roc(r.datasets(), true), dir, "roc_video");
        plots.add("roc_video");
        Set<String> used = new HashSet<>();
        for (DatasetResult d : r.datasets()) {
            if (!d.robustness().isEmpty()) {
                String name = "robustness_" + IndexHtml.slug(d);
                while (!used.add(name)) { // two datasets with the same name keep apart
                    name += "_";
                }
                ChartFiles.write(Charts.robustness(d), dir, name);
                plots.add(name);
            }
        }
        if (r.featureMap() != null) {
            ChartFiles.write(Charts.featureMap(r.featureMap()), dir, "feature_map");
            plots.add("feature_map");
        }
        Files.writeString(dir.resolve("index.html"), IndexHtml.of(r, plots), StandardCharsets.UTF_8);
        return md;
    }

    private static void writePredictions(EvalReport r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("dataset,video,frame,score,label,path\r\n");
            for (DatasetResult d : r.datasets()) {
                String ds = Tables.csvCell(d.name());
                for (Prediction p : d.predictions()) {
                    w.write(ds + "," + Tables.csvCell(p.videoId()) + "," + p.frameIndex() + ","
                            + Float.toString((float) p.score()) + "," + p.label() + ","
                            + Tables.csvCell(p.path()) + "\r\n");
                }
            }
        }
    }
}
