package dev.prodet.spark;

import dev.prodet.data.prepare.DatasetPreparation;
import dev.prodet.data.prepare.PreparationSummary;
import dev.prodet.face.FacePipelines;
import dev.prodet.spark.internal.cli.Options;
import dev.prodet.spark.internal.cli.Sessions;
import dev.prodet.spark.internal.prepare.PrepareJob;
import dev.prodet.spark.internal.scan.ScanJob;
import dev.prodet.spark.internal.scan.ScanSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the Spark jobs, for {@code ./prodet scan}, {@code ./prodet data prepare --engine spark} and
 * {@code spark-submit}. Exit status: 0 when every item succeeded, 1 when the job finished but some items failed
 * (each is listed, and in the output with its reason), 2 for bad usage or a job that could not run.
 */
public final class ProdetSpark {

    static final String SCAN_USAGE = "scan (--input PATH | --list FILE) --model DIR --out OUT.parquet [--frames N]"
            + " [--batch N] [--max-faces N] [--assets DIR] [--overwrite] [--master URL] [--conf key=value]...";
    static final String PREPARE_USAGE = "prepare --dataset ffpp|celebdf|folder|sample --root DIR --out DIR [--frames N]"
            + " [--compression c23] [--assets DIR] [--master URL] [--conf key=value]...";

    private ProdetSpark() {}

    /** Runs a job and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a job; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !Set.of("scan", "prepare").contains(args[0])) {
            err.println("usage: " + SCAN_USAGE + System.lineSeparator() + "       " + PREPARE_USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return args[0].equals("scan") ? scan(rest, out) : prepare(rest, out);
        } catch (IllegalArgumentException | IOException e) {
            err.println("prodet " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    private static int scan(List<String> args, PrintStream out) throws IOException {
        Options o = new Options(
                args,
                Set.of("input", "list", "model", "out", "frames", "batch", "max-faces", "assets", "master"),
                Set.of("overwrite"),
                SCAN_USAGE);
        if (o.get("input") == null && o.get("list") == null) {
            throw new IllegalArgumentException("give --input PATH or --list FILE; usage: " + SCAN_USAGE);
        }
        ScanJob.Settings s = new ScanJob.Settings(
                path(o.get("input")),
                path(o.get("list")),
                Path.of(o.require("model")),
                o.require("out"),
                assets(o),
                o.positive("frames", DatasetPreparation.DEFAULT_FRAMES),
                o.positive("batch", 16),
                o.positive("max-faces", 8),
                o.flag("overwrite"));
        SparkSession spark = Sessions.open("prodet scan", o.get("master"), o.conf());
        try {
            ScanSummary summary = ScanJob.run(spark, s);
            out.println(summary.text());
            return summary.failed() == 0 ? 0 : 1;
        } finally {
            spark.stop();
        }
    }

    private static int prepare(List<String> args, PrintStream out) throws IOException {
        Options o = new Options(
                args,
                Set.of("dataset", "root", "out", "frames", "compression", "assets", "master"),
                Set.of(),
                PREPARE_USAGE);
        String layout = o.require("dataset");
        if (!PrepareJob.layouts().contains(layout)) {
            throw new IllegalArgumentException(
                    "unknown dataset layout '" + layout + "'; use " + String.join(", ", PrepareJob.layouts()));
        }
        Path assets = assets(o);
        boolean sample = layout.equals("sample");
        PrepareJob.Settings s = new PrepareJob.Settings(
                layout,
                o.get("compression", "c23"),
                sample ? Path.of(o.get("root", assets.toString())) : Path.of(o.require("root")),
                Path.of(o.require("out")),
                assets,
                o.positive("frames", sample ? DatasetPreparation.SAMPLE_FRAMES : DatasetPreparation.DEFAULT_FRAMES));
        SparkSession spark = Sessions.open("prodet prepare", o.get("master"), o.conf());
        try {
            PreparationSummary summary = PrepareJob.run(spark, s);
            out.println(summary.text());
            out.println("dataset: " + s.out().toAbsolutePath() + " (manifest.json, report.json)");
            return summary.ok() ? 0 : 1;
        } finally {
            spark.stop();
        }
    }

    private static Path assets(Options o) {
        String a = o.get("assets");
        return a != null ? Path.of(a) : FacePipelines.defaultAssetsDir();
    }

    private static Path path(String p) {
        return p == null ? null : Path.of(p);
    }
}
