package dev.prodet.regularizer.opr.internal;

import static dev.prodet.api.forgery.AnchorKind.CBI;
import static dev.prodet.api.forgery.AnchorKind.DEEPFAKE;
import static dev.prodet.api.forgery.AnchorKind.REAL;
import static dev.prodet.api.forgery.AnchorKind.SBI;

import dev.prodet.api.forgery.AnchorKind;
import java.util.List;
import java.util.Locale;

/**
 * How anchors are organised in the latent space: the adjacent pairs that are bridged (feature mixup) and joined by
 * transition blocks, in order (docs/method.md §2.3, §2.8). Pair i uses transition block i of the head.
 */
enum LatentOrder {
    /** Real → SBI → CBI → deepfake: ProDet's order. */
    R2B2D(List.of(pair(REAL, SBI), pair(SBI, CBI), pair(CBI, DEEPFAKE))),
    /** Real → deepfake → blendfakes. */
    R2D2B(List.of(pair(REAL, DEEPFAKE), pair(DEEPFAKE, SBI), pair(SBI, CBI))),
    /** Blendfakes and deepfakes both next to real; no blendfake–deepfake bridge. */
    SURROUND(List.of(pair(REAL, SBI), pair(SBI, CBI), pair(REAL, DEEPFAKE)));

    /** An ordered pair of adjacent anchors. */
    record Pair(AnchorKind from, AnchorKind to) {}

    final List<Pair> pairs;

    LatentOrder(List<Pair> pairs) {
        this.pairs = pairs;
    }

    static Pair pair(AnchorKind a, AnchorKind b) {
        return new Pair(a, b);
    }

    /** Parses {@code r2b2d}, {@code r2d2b} or {@code surround}; anything else is an error naming the choices. */
    static LatentOrder parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown latent order '" + s + "'; use r2b2d, r2d2b or surround", e);
        }
    }
}
