import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The step-matched comparison table of scripts/compare.sh: for ProDet, VHT and BF-only, frame AUC per forgery type
 * and the false-positive rate on the held-out real faces at the package threshold (chosen on the validation split),
 * mean ± sample standard deviation over the seeds. Reads runs/compare-METHOD-sSEED/report/report.json; writes
 * runs/compare/compare.md and prints it. Run: java -cp JACKSON CompareReport.java RUNS STEPS SEED,SEED,...
 */
public class CompareReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] METHODS = {
        {"prodet", "ProDet (opr-tb)"}, {"vht", "VHT"}, {"bf-only", "BF-only (plain classifier, no deepfakes)"}};

    public static void main(String[] args) throws IOException {
        Path runs = Path.of(args[0]);
        String steps = args[1];
        String[] seeds = args[2].split(",");
        List<String> columns = new ArrayList<>();
        Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (String[] m : METHODS) {
            Map<String, List<Double>> byColumn = new LinkedHashMap<>();
            for (String seed : seeds) {
                Path report = runs.resolve("compare-" + m[0] + "-s" + seed).resolve("report/report.json");
                if (!Files.isRegularFile(report)) {
                    continue;
                }
                JsonNode datasets = JSON.readTree(report.toFile()).get("datasets");
                for (JsonNode d : datasets) {
                    String name = d.get("name").asText();
                    String type = name.substring(name.lastIndexOf('+') + 1);
                    add(columns, byColumn, type + " AUC", d.get("frame").get("auc").asDouble());
                }
                // the real faces are the same in every column; their accuracy is at the package threshold
                add(columns, byColumn, "real FPR", 1 - datasets.get(0).get("frame").get("accReal").asDouble());
            }
            values.put(m[1], byColumn);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| method (").append(steps).append(" steps, ").append(seeds.length).append(" seeds) |");
        for (String c : columns) {
            sb.append(' ').append(c.replace("splice AUC", "splice AUC (held out)")).append(" |");
        }
        sb.append("\n|---|").append("---:|".repeat(columns.size())).append('\n');
        for (Map.Entry<String, Map<String, List<Double>>> row : values.entrySet()) {
            sb.append("| ").append(row.getKey()).append(" |");
            for (String c : columns) {
                sb.append(' ').append(meanSd(row.getValue().getOrDefault(c, List.of()))).append(" |");
            }
            sb.append('\n');
        }
        Files.createDirectories(runs.resolve("compare"));
        Files.writeString(runs.resolve("compare/compare.md"), sb.toString());
        System.out.print(sb);
    }

    private static void add(List<String> columns, Map<String, List<Double>> byColumn, String column, double v) {
        if (!columns.contains(column)) {
            columns.add(column);
        }
        byColumn.computeIfAbsent(column, k -> new ArrayList<>()).add(v);
    }

    private static String meanSd(List<Double> v) {
        if (v.isEmpty()) {
            return "–";
        }
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (v.size() == 1) {
            return String.format(Locale.ROOT, "%.3f (1 seed)", mean);
        }
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean, Math.sqrt(ss / (v.size() - 1)));
    }
}
