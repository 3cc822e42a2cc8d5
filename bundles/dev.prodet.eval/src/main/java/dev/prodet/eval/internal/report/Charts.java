package dev.prodet.eval.internal.report;

import dev.prodet.eval.internal.metrics.RocCurve;
import dev.prodet.eval.internal.perturb.Perturbation;
import dev.prodet.eval.internal.run.DatasetResult;
import dev.prodet.eval.internal.run.FeatureMap;
import dev.prodet.eval.internal.run.RobustnessCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Builds the report's charts with JFreeChart: ROC curves, robustness curves and the 2-D feature map. */
final class Charts {
    /** Colour-blind-safe palette (Okabe–Ito), one colour per series in order. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0xE69F00),
        new Color(0x56B4E9),
        new Color(0xF0E442),
        new Color(0x000000)
    };

    private Charts() {}

    /** ROC curves of every dataset, frame level ({@code video=false}) or video level, with the chance diagonal. */
    static JFreeChart roc(List<DatasetResult> results, boolean video) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (DatasetResult r : results) {
            RocCurve c = video ? r.videoRoc() : r.frameRoc();
            XYSeries s = new XYSeries(
                    String.format(
                            Locale.ROOT,
                            "%s (AUC %.4f)",
                            r.name(),
                            video ? r.video().auc() : r.frame().auc()),
                    false,
                    true);
            for (int i = 0; i < c.size(); i++) {
                s.add(c.fpr()[i], c.tpr()[i]);
            }
            data.addSeries(s);
        }
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        data.addSeries(chance);
        JFreeChart chart = chart(
                ChartFactory::createXYLineChart,
                (video ? "Video" : "Frame") + "-level ROC",
                "False positive rate",
                "True positive rate",
                data);
        XYPlot plot = chart.getXYPlot();
        unitAxis(plot.getDomainAxis());
        unitAxis(plot.getRangeAxis());
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        int n = results.size();
        r.setSeriesPaint(n, Color.GRAY);
        r.setSeriesStroke(
                n, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        return chart;
    }

    /** One dataset's AUC against perturbation level, one curve per perturbation (frame level). */
    static JFreeChart robustness(DatasetResult result) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (RobustnessCurve c : result.robustness()) {
            XYSeries s = new XYSeries(c.perturbation().title(), false, true);
            for (int level = 0; level < Perturbation.LEVELS; level++) {
                s.add(level, c.frameAuc()[level]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = chart(
                ChartFactory::createXYLineChart,
                "Robustness on " + result.name() + " (frame-level AUC)",
                "Perturbation level (0 = clean)",
                "AUC",
                data);
        XYPlot plot = chart.getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(-0.1, Perturbation.LEVELS - 0.9);
        x.setTickUnit(new NumberTickUnit(1));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        double lo = 1;
        for (RobustnessCurve c : result.robustness()) {
            for (double v : c.frameAuc()) {
                lo = Math.min(lo, v);
            }
        }
        y.setRange(Math.max(0, Math.floor(lo * 10 - 0.5) / 10), 1.0);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        return chart;
    }

    /** The PCA scatter plot of the features, one colour per class (anchor). */
    static JFreeChart featureMap(FeatureMap map) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int c = 0; c < map.classes().size(); c++) {
            data.addSeries(new XYSeries(map.classes().get(c), false, true));
        }
        for (int i = 0; i < map.x().length; i++) {
            data.getSeries(map.classOf()[i]).add(map.x()[i], map.y()[i]);
        }
        JFreeChart chart = chart(
                ChartFactory::createScatterPlot,
                "Features (PCA of the classifier input)",
                String.format(Locale.ROOT, "PC 1 (%.1f%% of variance)", 100 * map.explained()[0]),
                String.format(Locale.ROOT, "PC 2 (%.1f%% of variance)", 100 * map.explained()[1]),
                data);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int c = 0; c < map.classes().size(); c++) {
            r.setSeriesShape(c, new Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesPaint(c, withAlpha(PALETTE[c % PALETTE.length], 170));
        }
        return chart;
    }

    /** The signature shared by {@link ChartFactory}'s XY chart makers. */
    private interface XyChartMaker {
        JFreeChart make(
                String title,
                String xLabel,
                String yLabel,
                XYDataset data,
                PlotOrientation orientation,
                boolean legend,
                boolean tooltips,
                boolean urls);
    }

    /** A vertical chart with a legend, without tooltips or URLs (the report is static), in the report's style. */
    private static JFreeChart chart(XyChartMaker maker, String title, String xLabel, String yLabel, XYDataset data) {
        JFreeChart chart = maker.make(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlinePaint(Color.GRAY);
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer r) {
            for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
                r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                r.setSeriesStroke(i, new BasicStroke(2f));
            }
        }
        return chart;
    }

    private static void unitAxis(org.jfree.chart.axis.ValueAxis axis) {
        axis.setRange(0, 1);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
