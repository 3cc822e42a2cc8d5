package dev.prodet.eval.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.data.Split;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.eval.internal.fixtures.BlendGenerators;
import dev.prodet.eval.internal.fixtures.MemoryDataset;
import dev.prodet.eval.internal.fixtures.PixelStatsScorer;
import dev.prodet.eval.internal.fixtures.SyntheticFaces;
import dev.prodet.eval.internal.metrics.Auc;
import dev.prodet.eval.internal.metrics.BinaryScores;
import dev.prodet.eval.internal.perturb.Perturbation;
import dev.prodet.eval.internal.run.EvalOptions;
import dev.prodet.eval.internal.run.EvalReport;
import dev.prodet.eval.internal.run.Evaluation;
import dev.prodet.eval.internal.run.ModelInfo;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A full report on two procedural datasets with robustness and a feature map with two generators. */
class ReportWriterTest {
    static final String[] PLOTS = {"roc_frame", "roc_video", "robustness_Synth-A", "robustness_Synth-B", "feature_map"};
    /** Kept after the run (target/), so the plots can be looked at. */
    static final Path dir = Path.of("target", "report-test");

    static EvalReport report;
    static String table;

    @BeforeAll
    static void evaluate() throws Exception {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        PixelStatsScorer scorer = new PixelStatsScorer(64, SyntheticFaces.PREPROCESSOR);
        List<Evaluation.Input> inputs = List.of(
                new Evaluation.Input(
                        Path.of("data/synth-a"), new MemoryDataset("Synth-A", SyntheticFaces.dataset(10, 3, 128, 1))),
                new Evaluation.Input(
                        Path.of("data/synth-b"), new MemoryDataset("Synth-B", SyntheticFaces.dataset(6, 2, 128, 2))));
        ModelInfo model =
                new ModelInfo(Path.of("models/pixel-stats/1"), "test", "pixel-stats", "1", 0.5, scorer.preprocessing());
        EvalOptions o = new EvalOptions(Split.TEST, true, 16, 0, 200, 20, Double.NaN);
        Map<String, ForgeryGenerator> gens =
                Map.of("test-sbi", BlendGenerators.selfBlend(), "test-cbi", BlendGenerators.crossBlend());
        report = new Evaluation(scorer, model, o, System.out::println).run(inputs, gens);
        table = ReportWriter.write(report, dir);
        System.out.println(table);
        System.out.println("report: " + dir);
    }

    @Test
    void pngsAreNonEmptyImagesOfTheChartSize() throws Exception {
        for (String p : PLOTS) {
            BufferedImage img = ImageIO.read(dir.resolve(p + ".png").toFile());
            assertNotNull(img, p + ".png is not a readable image");
            assertEquals(ChartFiles.WIDTH, img.getWidth(), p);
            assertEquals(ChartFiles.HEIGHT, img.getHeight(), p);
            Set<Integer> colours = new HashSet<>();
            int inked = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    colours.add(rgb);
                    if (rgb != 0xffffff) {
                        inked++;
                    }
                }
            }
            assertTrue(colours.size() > 20, p + " has only " + colours.size() + " colours");
            assertTrue(inked > img.getWidth() * img.getHeight() / 100, p + " is nearly blank: " + inked);
            String svg = Files.readString(dir.resolve(p + ".svg"));
            assertTrue(svg.contains("<svg") && svg.contains("</svg>") && svg.length() > 5000, p + ".svg");
        }
    }

    @Test
    void theTableHasDatasetsAsColumnsFrameAndVideoSideBySide() throws Exception {
        String md = Files.readString(dir.resolve("auc_table.md"));
        assertEquals(table, md);
        String header = md.lines().findFirst().orElseThrow();
        assertEquals(
                "| metric | Synth-A frame | Synth-A video | Synth-B frame | Synth-B video | mean frame "
                        + "| mean video |",
                header);
        String auc = md.lines().filter(l -> l.startsWith("| AUC |")).findFirst().orElseThrow();
        assertTrue(
                auc.contains(String.format(
                        java.util.Locale.ROOT,
                        "%.4f",
                        report.datasets().get(0).frame().auc())),
                auc);
        List<String> csv = Files.readAllLines(dir.resolve("auc_table.csv"));
        assertEquals(
                "metric,Synth-A frame,Synth-A video,Synth-B frame,Synth-B video,mean frame,mean video", csv.get(0));
        assertEquals(9, csv.size(), "header and 8 metric rows");
        assertTrue(csv.get(2).startsWith("AUC 95% CI,\"["), "intervals are quoted: " + csv.get(2));
    }

    @Test
    void predictionsReproduceTheReportedAuc() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("predictions.csv"));
        assertEquals("dataset,video,frame,score,label,path", lines.get(0));
        assertEquals(60 + 24 + 1, lines.size());
        List<Double> s = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        for (String line : lines.subList(1, 61)) {
            String[] f = line.split(",");
            assertEquals("Synth-A", f[0]);
            s.add(Double.parseDouble(f[3]));
            l.add(Integer.parseInt(f[4]));
        }
        double auc = Auc.of(
                new BinaryScores(
                        s.stream().mapToDouble(Double::doubleValue).toArray(),
                        l.stream().mapToInt(Integer::intValue).toArray()),
                "csv");
        assertEquals(report.datasets().get(0).frame().auc(), auc, 1e-12);
        assertTrue(auc > 0.7, "the synthetic forgeries are detectable by the pixel statistics: " + auc);
    }

    @Test
    void reportJsonHasEveryNumberAndTheLevelParameters() throws Exception {
        JsonNode j = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals("prodet-eval-report/1", j.get("format").asText());
        JsonNode a = j.get("datasets").get(0);
        assertEquals(
                report.datasets().get(0).frame().auc(),
                a.get("frame").get("auc").asDouble(),
                0);
        assertEquals(
                report.datasets().get(0).video().auc(),
                a.get("video").get("auc").asDouble(),
                0);
        assertEquals(20, a.get("video").get("count").asInt(), "10 real and 10 fake videos, named alike");
        assertEquals(2, a.get("frame").get("aucCi95").size());
        JsonNode rob = a.get("robustness");
        assertEquals(Perturbation.values().length, rob.size());
        for (JsonNode p : rob) {
            assertEquals(Perturbation.LEVELS, p.get("levels").size());
            assertEquals(
                    a.get("frame").get("auc").asDouble(),
                    p.get("levels").get(0).get("frameAuc").asDouble(),
                    0);
            assertTrue(p.get("levels").get(3).get("parameters").size() >= 2, p.toString());
        }
        JsonNode map = j.get("featureMap");
        assertEquals(
                List.of("real", "cbi (test-cbi)", "sbi (test-sbi)", "fake (Synth-A)"),
                new ObjectMapper().convertValue(map.get("classes"), List.class));
        assertEquals(4, map.get("pointsPerClass").size());
        assertEquals(20, map.get("pointsPerClass").get(0).asInt());
    }

    @Test
    void indexShowsEveryPlotAndFile() throws Exception {
        String html = Files.readString(dir.resolve("index.html"));
        for (String p : PLOTS) {
            assertTrue(html.contains("src=\"" + p + ".png\""), p);
            assertTrue(html.contains("href=\"" + p + ".svg\""), p);
        }
        for (String f : List.of("report.json", "auc_table.md", "auc_table.csv", "predictions.csv")) {
            assertTrue(html.contains("href=\"" + f + "\""), f);
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(html.contains("Synth-B video"));
    }
}
