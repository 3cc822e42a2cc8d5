package dev.prodet.api.model;

/**
 * How a package's threshold was chosen, recorded beside it in {@code model.json} so that its label can be trusted (or
 * not) by whoever serves it.
 *
 * @param rule {@value #DEFAULT} (not chosen on data), {@value #MANUAL} (given by hand), {@value #EER} (the equal
 *     error rate point of validation reals vs validation forgeries) or {@code fpr<=X} (the lowest threshold whose
 *     false-positive rate on validation reals is at most X)
 * @param basis the data and what the threshold does there, in words, e.g. {@code "validation split of data/sample:
 *     32 real faces vs 96 forgeries (sbi, cbi, swap); FPR 0.063, TPR 0.958"}
 * @since 1.1
 */
public record ThresholdChoice(String rule, String basis) {
    /** Not chosen on data: DeepfakeBench's 0.5. */
    public static final String DEFAULT = "default";
    /** Given by hand. */
    public static final String MANUAL = "manual";
    /** The equal error rate point on validation data. */
    public static final String EER = "eer";
    /** Prefix of the rule that caps the false-positive rate on validation reals. */
    public static final String FPR = "fpr<=";

    /** Validates the fields. */
    public ThresholdChoice {
        Checks.text("ThresholdChoice", "rule", rule);
        Checks.text("ThresholdChoice", "basis", basis);
        if (!(rule.equals(DEFAULT) || rule.equals(MANUAL) || rule.equals(EER) || rule.startsWith(FPR))) {
            throw new IllegalArgumentException("ThresholdChoice.rule must be " + DEFAULT + ", " + MANUAL + ", " + EER
                    + " or " + FPR + "X, got: '" + rule + "'");
        }
    }

    /** The choice of a package whose threshold no validation data chose. */
    public static ThresholdChoice notChosen() {
        return new ThresholdChoice(DEFAULT, "DeepfakeBench's 0.5, not chosen on validation data");
    }
}
