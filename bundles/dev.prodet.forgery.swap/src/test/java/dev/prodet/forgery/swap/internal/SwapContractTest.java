package dev.prodet.forgery.swap.internal;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.forgery.blend.testing.ForgeryGeneratorContract;

/** The generator contract for the face-swap stand-in with its default settings. */
class SwapContractTest extends ForgeryGeneratorContract {

    @Override
    protected ForgeryGenerator generator() {
        return new SwapGenerator(SwapSettings.DEFAULTS);
    }

    @Override
    protected AnchorKind expectedAnchor() {
        return AnchorKind.DEEPFAKE;
    }

    @Override
    protected String expectedName() {
        return SwapGenerator.NAME;
    }
}
