package dev.prodet.eval.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prodet.eval.internal.metrics.Accuracy;
import dev.prodet.eval.internal.metrics.MetricSet;
import dev.prodet.eval.internal.perturb.Perturbation;
import dev.prodet.eval.internal.run.DatasetResult;
import dev.prodet.eval.internal.run.EvalReport;
import dev.prodet.eval.internal.run.FeatureMap;
import dev.prodet.eval.internal.run.RobustnessCurve;

/** {@code report.json}: every number of the report, machine-readable. Undefined values (NaN) are written as null. */
final class JsonReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    static ObjectNode of(EvalReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "prodet-eval-report/1");
        root.put("created", r.created().toString());
        root.put("seconds", r.seconds());
        ObjectNode m = root.putObject("model");
        m.put("path", r.model().path().toString());
        m.put("scorer", r.model().scorer());
        m.put("name", r.model().name());
        m.put("version", r.model().version());
        m.put("threshold", r.model().threshold());
        m.set("preprocessing", JSON.valueToTree(r.model().preprocessing()));
        ObjectNode p = root.putObject("protocol");
        p.put("split", r.options().split().id());
        p.put("frameScore", "softmax(C_f)[fake] per aligned face");
        p.put("videoScore", "mean of the video's frame scores; videos grouped by video id and label");
        p.put("accuracy", "predicted fake when score >= threshold");
        p.put("bootstrap", "percentile 95% interval, videos resampled with replacement per class");
        p.put("bootstrapResamples", r.options().bootstrap());
        p.put("seed", r.options().seed());
        ArrayNode ds = root.putArray("datasets");
        for (DatasetResult d : r.datasets()) {
            ObjectNode o = ds.addObject();
            o.put("name", d.name());
            o.put("root", d.root().toString());
            o.put("facesPerSecond", d.framesPerSecond());
            o.set("frame", metrics(d.frame()));
            o.set("video", metrics(d.video()));
            if (!d.robustness().isEmpty()) {
                o.set("robustness", robustness(d));
            }
        }
        if (r.featureMap() != null) {
            root.set("featureMap", featureMap(r.featureMap()));
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    private static ObjectNode metrics(MetricSet s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("count", s.count());
        o.put("real", s.real());
        o.put("fake", s.fake());
        num(o, "auc", s.auc());
        if (s.aucCi() != null && s.aucCi().available()) {
            ArrayNode ci = o.putArray("aucCi95");
            ci.add(s.aucCi().low());
            ci.add(s.aucCi().high());
        } else if (s.aucCi() != null) {
            o.put("aucCi95", s.aucCi().toString()); // "n/a (k videos)": too few videos to resample
        }
        num(o, "eer", s.eer());
        num(o, "ap", s.ap());
        Accuracy a = s.accuracy();
        num(o, "acc", a.overall());
        num(o, "accReal", a.real());
        num(o, "accFake", a.fake());
        return o;
    }

    private static ArrayNode robustness(DatasetResult d) {
        ArrayNode arr = JSON.createArrayNode();
        for (RobustnessCurve c : d.robustness()) {
            ObjectNode o = arr.addObject();
            o.put("perturbation", c.perturbation().id());
            o.put("title", c.perturbation().title());
            ArrayNode levels = o.putArray("levels");
            for (int l = 0; l < Perturbation.LEVELS; l++) {
                ObjectNode lv = levels.addObject();
                lv.put("level", l);
                lv.set("parameters", JSON.valueToTree(c.perturbation().parameters(l)));
                num(lv, "frameAuc", c.frameAuc()[l]);
                num(lv, "videoAuc", c.videoAuc()[l]);
            }
        }
        return arr;
    }

    private static ObjectNode featureMap(FeatureMap f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("method", "PCA to 2-D of the pooled input of the final classifier");
        o.put("source", f.source());
        o.set("classes", JSON.valueToTree(f.classes()));
        o.set("explainedVariance", JSON.valueToTree(f.explained()));
        int[] counts = new int[f.classes().size()];
        for (int c : f.classOf()) {
            counts[c]++;
        }
        o.set("pointsPerClass", JSON.valueToTree(counts));
        return o;
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
