import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Adds the demo's own sections to runs/demo/report/index.html (written by prodet:eval): the anchors contact sheet,
 * the answers of the edge runtime to held-out faces sent over HTTP, and with --compare the ProDet / VHT / BF-only
 * table from the three evaluation reports. Run by scripts/demo.sh: java -cp JACKSON DemoReport.java RUNS COMPARE.
 */
public class DemoReport {
    private static final String BEGIN = "<!-- prodet-demo:begin -->";
    private static final String END = "<!-- prodet-demo:end -->";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        Path runs = Path.of(args[0]);
        boolean compare = Boolean.parseBoolean(args[1]);
        Path report = runs.resolve("demo/report");
        StringBuilder html = new StringBuilder(BEGIN).append('\n');
        html.append("<h2>Demo: anchors made by the generator plugins</h2>\n")
                .append("<p>Held-out test faces; columns: real | SBI | CBI | face swap | their blend masks.</p>\n")
                .append("<img src=\"anchors.png\" alt=\"anchors\" style=\"max-width:100%\">\n");
        html.append(served(report.resolve("served.jsonl")));
        if (compare) {
            html.append(compareTable(runs));
        }
        html.append(END).append('\n');
        Path index = report.resolve("index.html");
        String page = Files.isRegularFile(index) ? Files.readString(index)
                : "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>ProDet demo</title></head><body>\n"
                        + "</body></html>\n";
        int b = page.indexOf(BEGIN);
        int e = page.indexOf(END);
        if (b >= 0 && e > b) {
            page = page.substring(0, b) + page.substring(e + END.length() + 1);
        }
        int body = page.lastIndexOf("</body>");
        page = page.substring(0, body) + html + page.substring(body);
        Files.writeString(index, page);
    }

    private static String served(Path jsonl) throws IOException {
        StringBuilder sb = new StringBuilder("<h2>Demo: held-out faces scored by the edge runtime over HTTP</h2>\n");
        if (!Files.isRegularFile(jsonl)) {
            return sb.append("<p>no served answers (stage 7 did not run)</p>\n").toString();
        }
        sb.append("<p>POST /v1/detect with each aligned crop to the ONNX package served by the edge runtime "
                + "(no DJL, no PyTorch).</p>\n<table border=\"1\" cellpadding=\"4\"><tr><th>crop</th><th>made as"
                + "</th><th>fakeness</th><th>label</th><th>model</th><th>ms</th></tr>\n");
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            JsonNode a = n.get("answer");
            String fake = a.has("fakeness") ? String.format(Locale.ROOT, "%.3f", a.get("fakeness").asDouble())
                    : "error: " + a.path("error").asText(a.toString());
            double ms = a.path("timings").path("total").asDouble(Double.NaN);
            sb.append("<tr><td>").append(n.get("file").asText()).append("</td><td>").append(n.get("kind").asText())
                    .append("</td><td>").append(fake).append("</td><td>").append(a.path("label").asText())
                    .append("</td><td>").append(a.path("model").asText()).append(' ')
                    .append(a.path("version").asText()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", ms)).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** The step-matched table of scripts/compare.sh (runs/compare/compare.md), as HTML. */
    private static String compareTable(Path runs) throws IOException {
        Path md = runs.resolve("compare/compare.md");
        StringBuilder sb = new StringBuilder("<h2>Demo: ProDet vs VHT vs BF-only (same data, same number of steps)"
                + "</h2>\n");
        if (!Files.isRegularFile(md)) {
            return sb.append("<p>no comparison table (scripts/compare.sh did not finish)</p>\n").toString();
        }
        sb.append("<table border=\"1\" cellpadding=\"4\">\n");
        for (String line : Files.readAllLines(md)) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            String tag = sb.indexOf("<tr>") < 0 ? "th" : "td";
            sb.append("<tr>");
            for (String c : cells) {
                sb.append('<').append(tag).append('>').append(c.trim()).append("</").append(tag).append('>');
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n<p>Frame AUC per forgery type on the test split (splice is held out of"
                        + " training) and the false-positive rate on the held-out real faces at each package's"
                        + " threshold, mean ± sd over the seeds. Sample data: a handful of videos, so read it as a"
                        + " smoke test of the claim, not a reproduction.</p>\n")
                .toString();
    }
}
