package dev.prodet.eval.internal.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes a chart as {@code <name>.png} and {@code <name>.svg}. */
final class ChartFiles {
    /** Size of every chart, in pixels (PNG) and user units (SVG). */
    static final int WIDTH = 800;

    static final int HEIGHT = 600;

    private ChartFiles() {}

    /** Writes both files into {@code dir}. */
    static void write(JFreeChart chart, Path dir, String name) throws IOException {
        ChartUtils.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, WIDTH, HEIGHT);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        SVGUtils.writeToSVG(dir.resolve(name + ".svg").toFile(), g.getSVGElement());
    }
}
