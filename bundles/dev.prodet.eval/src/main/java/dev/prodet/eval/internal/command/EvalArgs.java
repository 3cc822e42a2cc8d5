package dev.prodet.eval.internal.command;

import dev.prodet.api.data.Split;
import dev.prodet.eval.internal.metrics.Bootstrap;
import dev.prodet.eval.internal.run.EvalOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code prodet:eval}.
 *
 * @param model model package or checkpoint folder (or run folder)
 * @param datasets dataset folders or their manifest.json files, at least one
 * @param out report folder, or {@code null} for the default
 * @param runId run whose {@code runs/<id>/report} receives the report, or {@code null}
 * @param scorer name of the scorer plugin to use, or {@code null} for the first that accepts the model
 * @param forge generator plugin names whose forgeries of the real faces are added as fakes ({@code all} for every
 *     registered one); empty for none
 * @param calibrate choose the package's threshold on this evaluation ({@code --split val}) and record it, or
 *     {@code null}
 * @param options evaluation options
 */
public record EvalArgs(
        String model,
        List<String> datasets,
        String out,
        String runId,
        String scorer,
        List<String> forge,
        Calibration calibrate,
        EvalOptions options) {

    /** The command's syntax. */
    public static final String USAGE = "usage: prodet:eval --model <package-or-checkpoint-dir> --dataset <dir-or-"
            + "manifest.json>... [--split test] [--robustness] [--out DIR | --run-id ID] [--scorer onnx|djl]"
            + " [--forge [each,]all|GEN,...] [--batch 32] [--seed 0] [--bootstrap 1000] [--map-faces 200] [--threshold T]"
            + " [--calibrate [eer|fpr=X]]";

    /** Parses Gogo arguments; {@code --dataset} may be repeated or given several paths. */
    public static EvalArgs parse(String... args) {
        String model = null;
        List<String> datasets = new ArrayList<>();
        String out = null;
        String runId = null;
        String scorer = null;
        List<String> forge = new ArrayList<>();
        EvalOptions d = EvalOptions.defaults();
        Split split = d.split();
        boolean robustness = false;
        int batch = d.batch();
        long seed = d.seed();
        int bootstrap = Bootstrap.DEFAULT_RESAMPLES;
        int mapFaces = d.mapFaces();
        double threshold = Double.NaN;
        Calibration calibrate = null;
        boolean splitGiven = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--model" -> model = value(args, ++i, a);
                case "--dataset", "--datasets" -> i = datasets(args, i, datasets);
                case "--split" -> {
                    split = Split.parse(value(args, ++i, a));
                    splitGiven = true;
                }
                case "--calibrate" -> {
                    boolean ruleGiven = i + 1 < args.length && !args[i + 1].startsWith("--");
                    calibrate = ruleGiven ? Calibration.parse(args[++i]) : Calibration.EER;
                }
                case "--robustness" -> robustness = true;
                case "--out" -> out = value(args, ++i, a);
                case "--run-id" -> runId = value(args, ++i, a);
                case "--scorer" -> scorer = value(args, ++i, a);
                case "--forge" -> forge.addAll(List.of(value(args, ++i, a).split(",")));
                case "--batch" -> batch = integer(args, ++i, a);
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--bootstrap" -> bootstrap = integer(args, ++i, a);
                case "--map-faces" -> mapFaces = integer(args, ++i, a);
                case "--threshold" -> threshold = Double.parseDouble(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unexpected argument '" + a + "'; " + USAGE);
            }
        }
        if (model == null || datasets.isEmpty()) {
            throw new IllegalArgumentException((model == null ? "--model" : "--dataset") + " is required; " + USAGE);
        }
        if (calibrate != null) {
            if (!splitGiven) {
                split = Split.VAL;
            } else if (split == Split.TEST) {
                throw new IllegalArgumentException("--calibrate chooses the threshold on validation data, never on the"
                        + " test split that reports it; use --split val");
            }
            if (forge.contains("each")) {
                throw new IllegalArgumentException(
                        "--calibrate pools every forgery into one set; drop 'each' from" + " --forge");
            }
            if (!Double.isNaN(threshold)) {
                throw new IllegalArgumentException("give --calibrate or --threshold, not both");
            }
        }
        if (out != null && runId != null) {
            throw new IllegalArgumentException("give --out or --run-id, not both; " + USAGE);
        }
        return new EvalArgs(
                model,
                List.copyOf(datasets),
                out,
                runId,
                scorer,
                List.copyOf(forge),
                calibrate,
                new EvalOptions(split, robustness, batch, seed, bootstrap, mapFaces, threshold));
    }

    /** Reads the paths after {@code --dataset} at {@code args[i]} up to the next option; returns the last index. */
    private static int datasets(String[] args, int i, List<String> into) {
        into.add(value(args, i + 1, args[i]));
        int j = i + 1;
        while (j + 1 < args.length && !args[j + 1].startsWith("--")) {
            into.add(args[++j]);
        }
        return j;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static int integer(String[] args, int i, String flag) {
        String v = value(args, i, flag);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + v + "'; " + USAGE, e);
        }
    }
}
