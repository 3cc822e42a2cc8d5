package dev.prodet.regularizer.opr.internal;

import dev.prodet.train.api.RegularizerStrategy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The opr-tb plugins, one per latent order; loss weights come from configuration and may change while running. */
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
            property = {
                "prodet.regularizer.name=opr-tb",
                "prodet.regularizer.version=1.0.0",
                "prodet.regularizer.description=ProDet OPR, triplet binary heads, order r2b2d (as released)",
                "service.ranking:Integer=10"
            })
    @Designate(ocd = Config.class)
    public static final class R2b2d extends OprStrategy {
        public R2b2d() {
            super("opr-tb", LatentOrder.R2B2D);
        }

        @Activate
        @Modified
        void configure(Config c) {
            setWeights(weights(c));
        }
    }

    /** Ablation: order real → deepfake → blendfakes. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-tb-r2d2b",
            property = {
                "prodet.regularizer.name=opr-tb-r2d2b",
                "prodet.regularizer.version=1.0.0",
                "prodet.regularizer.description=ProDet OPR with latent order r2d2b (ablation)",
                "service.ranking:Integer=0"
            })
    @Designate(ocd = Config.class)
    public static final class R2d2b extends OprStrategy {
        public R2d2b() {
            super("opr-tb-r2d2b", LatentOrder.R2D2B);
        }

        @Activate
        @Modified
        void configure(Config c) {
            setWeights(weights(c));
        }
    }

    /** Ablation: blendfakes and deepfakes both next to real. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-tb-surround",
            property = {
                "prodet.regularizer.name=opr-tb-surround",
                "prodet.regularizer.version=1.0.0",
                "prodet.regularizer.description=ProDet OPR with latent order surround (ablation)",
                "service.ranking:Integer=0"
            })
    @Designate(ocd = Config.class)
    public static final class Surround extends OprStrategy {
        public Surround() {
            super("opr-tb-surround", LatentOrder.SURROUND);
        }

        @Activate
        @Modified
        void configure(Config c) {
            setWeights(weights(c));
        }
    }

    /** Ablation M-C: one 4-way attribute head (real, SBI, CBI, deepfake), order r2b2d. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-mc",
            property = {
                "prodet.regularizer.name=opr-mc",
                "prodet.regularizer.version=1.0.0",
                "prodet.regularizer.description=ProDet OPR with one 4-way attribute head (M-C ablation)",
                "service.ranking:Integer=0"
            })
    @Designate(ocd = Config.class)
    public static final class MultiClass extends OprStrategy {
        public MultiClass() {
            super("opr-mc", LatentOrder.R2B2D, AttributeHeads.MULTI_CLASS);
        }

        @Activate
        @Modified
        void configure(Config c) {
            setWeights(weights(c));
        }
    }

    /** Ablation M-L: one multi-label attribute head (3 sigmoid logits), order r2b2d. */
    @Component(
            service = RegularizerStrategy.class,
            configurationPid = "dev.prodet.regularizer.opr-ml",
            property = {
                "prodet.regularizer.name=opr-ml",
                "prodet.regularizer.version=1.0.0",
                "prodet.regularizer.description=ProDet OPR with one multi-label attribute head (M-L ablation)",
                "service.ranking:Integer=0"
            })
    @Designate(ocd = Config.class)
    public static final class MultiLabel extends OprStrategy {
        public MultiLabel() {
            super("opr-ml", LatentOrder.R2B2D, AttributeHeads.MULTI_LABEL);
        }

        @Activate
        @Modified
        void configure(Config c) {
            setWeights(weights(c));
        }
    }
}
