package dev.prodet.eval.internal.command;

import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.ThresholdChoice;
import dev.prodet.eval.internal.metrics.BinaryScores;
import dev.prodet.eval.internal.metrics.ThresholdCalibration;
import dev.prodet.eval.internal.run.DatasetResult;
import dev.prodet.eval.internal.run.EvalReport;
import dev.prodet.eval.internal.run.Prediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code prodet:eval --calibrate}: chooses a package's threshold on a validation split and records it, with how it
 * was chosen, in its {@code model.json}. Without it a package keeps DeepfakeBench's 0.5, which says nothing about
 * the model at hand (a model trained on three forgeries per real face tends to score everything high).
 *
 * @param rule {@link ThresholdChoice#EER} or {@code fpr<=X}
 * @param maxFpr the X of {@code fpr<=X}, NaN for the EER rule
 */
public record Calibration(String rule, double maxFpr) {

    /** The equal error rate point, the default. */
    public static final Calibration EER = new Calibration(ThresholdChoice.EER, Double.NaN);

    /** Parses {@code eer} or {@code fpr=0.05}. */
    public static Calibration parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        if (k.equals("eer")) {
            return EER;
        }
        if (k.startsWith("fpr=")) {
            double x;
            try {
                x = Double.parseDouble(k.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--calibrate fpr=X needs a number X, got '" + s + "'", e);
            }
            if (!(x >= 0 && x < 1)) {
                throw new IllegalArgumentException("--calibrate fpr=X needs 0 <= X < 1, got " + x);
            }
            return new Calibration(ThresholdChoice.FPR + x, x);
        }
        throw new IllegalArgumentException(
                "--calibrate takes eer or fpr=X (a target false-positive rate), got '" + s + "'");
    }

    /** Chooses the threshold on every face of {@code report} and writes it into the package. */
    public ThresholdChoice apply(Path packageDir, EvalReport report, String data) throws IOException {
        List<Prediction> all = new ArrayList<>();
        for (DatasetResult r : report.datasets()) {
            all.addAll(r.predictions());
        }
        double[] s = new double[all.size()];
        int[] l = new int[all.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = all.get(i).score();
            l[i] = all.get(i).label();
        }
        BinaryScores scores = new BinaryScores(s, l);
        ThresholdCalibration c = Double.isNaN(maxFpr)
                ? ThresholdCalibration.eer(scores)
                : ThresholdCalibration.atFalsePositiveRate(scores, maxFpr);
        ThresholdChoice choice = new ThresholdChoice(
                rule,
                String.format(
                        Locale.ROOT,
                        "%s split of %s; at %.4f: %s",
                        report.options().split().id(),
                        data,
                        c.threshold(),
                        c.describe()));
        try {
            ModelPackage.open(packageDir).withThreshold(c.threshold(), choice);
        } catch (ModelPackageException e) {
            throw new IOException(e.getMessage(), e);
        }
        return choice;
    }
}
