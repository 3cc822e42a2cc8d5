package dev.prodet.forgery.cbi.internal;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.forgery.blend.testing.ForgeryGeneratorContract;

/** The generator contract for CBI with ProDet's settings (top 3 donors, soft ratios). */
class CbiContractTest extends ForgeryGeneratorContract {

    @Override
    protected ForgeryGenerator generator() {
        return new CbiGenerator(3, true);
    }

    @Override
    protected AnchorKind expectedAnchor() {
        return AnchorKind.CBI;
    }

    @Override
    protected String expectedName() {
        return CbiGenerator.NAME;
    }
}
