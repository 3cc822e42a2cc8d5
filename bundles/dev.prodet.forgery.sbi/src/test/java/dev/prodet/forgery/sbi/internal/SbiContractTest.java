package dev.prodet.forgery.sbi.internal;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.forgery.blend.testing.ForgeryGeneratorContract;
import org.junit.jupiter.api.Nested;

/** The generator contract for SBI, in both configurations. */
class SbiContractTest {

    /** Default: either side may be augmented; an augmented target is the forgery's declared background. */
    @Nested
    class Default extends ForgeryGeneratorContract {
        @Override
        protected ForgeryGenerator generator() {
            return new SbiGenerator(true);
        }

        @Override
        protected AnchorKind expectedAnchor() {
            return AnchorKind.SBI;
        }

        @Override
        protected String expectedName() {
            return SbiGenerator.NAME;
        }
    }

    /** augmentTarget=false: only the source is augmented, the target survives wherever the mask is 0. */
    @Nested
    class SourceOnly extends ForgeryGeneratorContract {
        @Override
        protected ForgeryGenerator generator() {
            return new SbiGenerator(false);
        }

        @Override
        protected AnchorKind expectedAnchor() {
            return AnchorKind.SBI;
        }

        @Override
        protected String expectedName() {
            return SbiGenerator.NAME;
        }
    }
}
