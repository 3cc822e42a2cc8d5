package dev.prodet.regularizer.opr.internal;

import dev.prodet.api.plugin.Plugin;
import dev.prodet.train.api.RegularizerStrategy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The opr-tb plugins, one per latent order; loss weights come from configuration and may change while running
 * ({@link OprStrategy#configure}). */
public final class OprComponents {
    private OprComponents() {}

    /** Configuration of an opr-tb strategy. */
    @ObjectClassDefinition(name = "ProDet oriented progressive regularizer")
    @interface Config {
        @AttributeDefinition(description = "weight of the final-classifier loss L_cls")
        double weight_cls() default 1;

        @AttributeDefinition(description = "weight of the attribute (OPR) loss L_o")
        double weight_o() default 1;

        @AttributeDefinition(description = "weight of the transition loss L_t")
        double weight_t() default 1;

        @AttributeDefinition(description = "feature bridging between adjacent anchors (off = w/o FB ablation)")
        boolean bridging() default true;
    }

    /** Loss weights from a configuration, checked. */
    static OprStrategy.OprWeights weights(Config c) {
        for (double w : new double[] {c.weight_cls(), c.weight_o(), c.weight_t()}) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("opr-tb loss weights must be >= 0, got " + w);
            }
        }
        return new OprStrategy.OprWeights(c.weight_cls(), c.weight_o(), c.weight_t(), c.bridging());
    }

    /** ProDet as released: triplet binary heads, order real → SBI → CBI → deepfake. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-tb",
            property = "service.ranking:Integer=10")
    @Plugin.Regularizer(name = "opr-tb", description = "ProDet OPR, triplet binary heads, order r2b2d (as released)")
    @Designate(ocd = Config.class)
    public static final class R2b2d extends OprStrategy {
        public R2b2d() {
            super("opr-tb", LatentOrder.R2B2D);
        }
    }

    /** Ablation: order real → deepfake → blendfakes. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-tb-r2d2b",
            property = "service.ranking:Integer=0")
    @Plugin.Regularizer(name = "opr-tb-r2d2b", description = "ProDet OPR with latent order r2d2b (ablation)")
    @Designate(ocd = Config.class)
    public static final class R2d2b extends OprStrategy {
        public R2d2b() {
            super("opr-tb-r2d2b", LatentOrder.R2D2B);
        }
    }

    /** Ablation: blendfakes and deepfakes both next to real. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-tb-surround",
            property = "service.ranking:Integer=0")
    @Plugin.Regularizer(name = "opr-tb-surround", description = "ProDet OPR with latent order surround (ablation)")
    @Designate(ocd = Config.class)
    public static final class Surround extends OprStrategy {
        public Surround() {
            super("opr-tb-surround", LatentOrder.SURROUND);
        }
    }

    /** Ablation M-C: one 4-way attribute head (real, SBI, CBI, deepfake), order r2b2d. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-mc",
            property = "service.ranking:Integer=0")
    @Plugin.Regularizer(name = "opr-mc", description = "ProDet OPR with one 4-way attribute head (M-C ablation)")
    @Designate(ocd = Config.class)
    public static final class MultiClass extends OprStrategy {
        public MultiClass() {
            super("opr-mc", LatentOrder.R2B2D, AttributeHeads.MULTI_CLASS);
        }
    }

    /** Ablation M-L: one multi-label attribute head (3 sigmoid logits), order r2b2d. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-ml",
            property = "service.ranking:Integer=0")
    @Plugin.Regularizer(name = "opr-ml", description = "ProDet OPR with one multi-label attribute head (M-L ablation)")
    @Designate(ocd = Config.class)
    public static final class MultiLabel extends OprStrategy {
        public MultiLabel() {
            super("opr-ml", LatentOrder.R2B2D, AttributeHeads.MULTI_LABEL);
        }
    }
}
