package dev.prodet.eval.internal.report;

import dev.prodet.eval.internal.metrics.Interval;
import dev.prodet.eval.internal.metrics.MetricSet;
import dev.prodet.eval.internal.run.DatasetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The AUC table: one pair of columns per dataset (frame level, video level side by side), plus their mean when
 * there are several datasets; one row per metric. Rendered as Markdown (also what {@code prodet:eval} prints) and
 * as CSV.
 */
final class Tables {
    private record Row(
            String name, Function<MetricSet, String> cell, boolean averaged, Function<MetricSet, Double> v) {}

    private static final List<Row> ROWS = List.of(
            new Row("AUC", m -> f4(m.auc()), true, MetricSet::auc),
            new Row("AUC 95% CI", m -> ci(m.aucCi()), false, null),
            new Row("EER", m -> f4(m.eer()), true, MetricSet::eer),
            new Row("AP", m -> f4(m.ap()), true, MetricSet::ap),
            new Row("ACC", m -> f4(m.accuracy().overall()), true, m -> m.accuracy()
                    .overall()),
            new Row("ACC real", m -> f4(m.accuracy().real()), true, m -> m.accuracy()
                    .real()),
            new Row("ACC fake", m -> f4(m.accuracy().fake()), true, m -> m.accuracy()
                    .fake()),
            new Row("samples (real/fake)", m -> m.count() + " (" + m.real() + "/" + m.fake() + ")", false, null));

    private Tables() {}

    /** Header then rows, each a list of cells. */
    static List<List<String>> cells(List<DatasetResult> results) {
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("metric"));
        for (DatasetResult r : results) {
            header.add(r.name() + " frame");
            header.add(r.name() + " video");
        }
        boolean mean = results.size() > 1;
        if (mean) {
            header.add("mean frame");
            header.add("mean video");
        }
        out.add(header);
        for (Row row : ROWS) {
            List<String> line = new ArrayList<>(List.of(row.name()));
            for (DatasetResult r : results) {
                line.add(row.cell().apply(r.frame()));
                line.add(row.cell().apply(r.video()));
            }
            if (mean) {
                line.add(meanCell(row, results, DatasetResult::frame));
                line.add(meanCell(row, results, DatasetResult::video));
            }
            out.add(line);
        }
        return out;
    }

    /** GitHub-flavoured Markdown. */
    static String markdown(List<DatasetResult> results) {
        List<List<String>> c = cells(results);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            sb.append("| ").append(String.join(" | ", c.get(i))).append(" |\n");
            if (i == 0) {
                sb.append("|---").append("|---:".repeat(c.get(0).size() - 1)).append("|\n");
            }
        }
        return sb.toString();
    }

    /** RFC 4180 CSV. */
    static String csv(List<DatasetResult> results) {
        StringBuilder sb = new StringBuilder();
        for (List<String> line : cells(results)) {
            sb.append(String.join(",", line.stream().map(Tables::csvCell).toList()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** The row's mean over the datasets at one level (frame or video); empty where a mean means nothing. */
    private static String meanCell(Row row, List<DatasetResult> results, Function<DatasetResult, MetricSet> level) {
        if (!row.averaged()) {
            return "";
        }
        return f4(results.stream()
                .mapToDouble(r -> row.v().apply(level.apply(r)))
                .average()
                .orElse(Double.NaN));
    }

    static String f4(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String ci(Interval ci) {
        return ci == null ? "" : ci.toString();
    }
}
