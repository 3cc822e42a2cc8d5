package dev.prodet.regularizer.opr.internal;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.train.api.RegularizerStrategy;
import java.util.List;
import java.util.Set;

/** What opr-tb and vht have in common: a name, batches of all four anchors, and the head parameters they own. */
abstract class AllAnchorsStrategy implements RegularizerStrategy {
    private static final List<AnchorKind> ANCHORS =
            List.of(AnchorKind.REAL, AnchorKind.SBI, AnchorKind.CBI, AnchorKind.DEEPFAKE);

    private final String name;
    private final Set<String> owned;

    AllAnchorsStrategy(String name, Set<String> ownedParameterPrefixes) {
        this.name = name;
        this.owned = Set.copyOf(ownedParameterPrefixes);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<AnchorKind> anchors() {
        return ANCHORS;
    }

    @Override
    public final Set<String> ownedParameterPrefixes() {
        return owned;
    }
}
