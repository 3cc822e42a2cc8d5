package dev.prodet.eval.internal.report;

import dev.prodet.eval.internal.perturb.Perturbation;
import dev.prodet.eval.internal.run.DatasetResult;
import dev.prodet.eval.internal.run.EvalReport;
import java.util.List;
import java.util.Locale;

/** {@code index.html}: the table, every plot (PNG, linked to its SVG), the robustness levels and the files. */
final class IndexHtml {
    private IndexHtml() {}

    /**
     * @param plots base names of the plots written (each has .png and .svg), in display order
     */
    static String of(EvalReport r, List<String> plots) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ProDet evaluation: ")
                .append(esc(r.model().name()))
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:1700px}table{border-collapse:collapse;")
                .append("margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}figure{display:inline-block;margin:0 1em 1em 0}")
                .append("img{width:800px;max-width:100%;border:1px solid #eee}</style></head><body>\n");
        h.append("<h1>Evaluation of ")
                .append(esc(r.model().name()))
                .append(r.model().version() == null ? "" : " " + esc(r.model().version()))
                .append("</h1>\n");
        h.append("<p>Model <code>")
                .append(esc(r.model().path().toString()))
                .append("</code> scored by <b>")
                .append(esc(r.model().scorer()))
                .append("</b>; split <b>")
                .append(esc(r.options().split().id()))
                .append("</b>; threshold ")
                .append(r.model().threshold())
                .append("; ")
                .append(String.format(Locale.ROOT, "%.1f s", r.seconds()))
                .append(", ")
                .append(esc(r.created().toString()))
                .append(".</p>\n");
        h.append("<h2>AUC table</h2>\n").append(table(Tables.cells(r.datasets())));
        h.append("<p>Frame level: every face. Video level: mean face score per video, videos grouped by video id "
                        + "and label. 95% intervals: percentile bootstrap over videos (")
                .append(r.options().bootstrap())
                .append(" resamples, seed ")
                .append(r.options().seed())
                .append("). ACC: fake when score &ge; threshold.</p>\n");
        h.append("<h2>Plots</h2>\n");
        for (String p : plots) {
            h.append("<figure><a href=\"")
                    .append(p)
                    .append(".svg\"><img src=\"")
                    .append(p)
                    .append(".png\" alt=\"")
                    .append(p)
                    .append("\"></a><figcaption>")
                    .append(p)
                    .append(" (<a href=\"")
                    .append(p)
                    .append(".svg\">SVG</a>)</figcaption></figure>\n");
        }
        if (r.featureMap() != null) {
            h.append("<p>Feature map: ").append(esc(r.featureMap().source())).append(".</p>\n");
        }
        if (r.datasets().stream().anyMatch(d -> !d.robustness().isEmpty())) {
            h.append("<h2>Perturbation levels</h2>\n<table><tr><th>perturbation</th>");
            for (int l = 0; l < Perturbation.LEVELS; l++) {
                h.append("<th>level ").append(l).append("</th>");
            }
            h.append("</tr>\n");
            for (Perturbation p : Perturbation.values()) {
                h.append("<tr><td>").append(esc(p.title())).append("</td>");
                for (int l = 0; l < Perturbation.LEVELS; l++) {
                    h.append("<td>").append(esc(p.parameters(l).toString())).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        for (String n : r.notes()) {
            h.append("<p><i>").append(esc(n)).append("</i></p>\n");
        }
        h.append("<h2>Files</h2>\n<ul><li><a href=\"report.json\">report.json</a></li>")
                .append("<li><a href=\"auc_table.md\">auc_table.md</a>, <a href=\"auc_table.csv\">auc_table.csv</a>")
                .append("</li><li><a href=\"predictions.csv\">predictions.csv</a> (")
                .append(r.datasets().stream()
                        .mapToInt(d -> d.predictions().size())
                        .sum())
                .append(" faces)</li></ul>\n</body></html>\n");
        return h.toString();
    }

    private static String table(List<List<String>> cells) {
        StringBuilder t = new StringBuilder("<table>\n");
        for (int i = 0; i < cells.size(); i++) {
            String tag = i == 0 ? "th" : "td";
            t.append("<tr>");
            for (String c : cells.get(i)) {
                t.append('<')
                        .append(tag)
                        .append('>')
                        .append(esc(c))
                        .append("</")
                        .append(tag)
                        .append('>');
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** File-name-safe form of a dataset name. */
    static String slug(DatasetResult d) {
        return d.name().replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
