package dev.prodet.forgery.splice.internal;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.forgery.blend.testing.ForgeryGeneratorContract;

/** The generator contract for the splice generator. */
class SpliceContractTest extends ForgeryGeneratorContract {

    @Override
    protected ForgeryGenerator generator() {
        return new SpliceGenerator();
    }

    @Override
    protected AnchorKind expectedAnchor() {
        return AnchorKind.CBI;
    }

    @Override
    protected String expectedName() {
        return SpliceGenerator.NAME;
    }
}
