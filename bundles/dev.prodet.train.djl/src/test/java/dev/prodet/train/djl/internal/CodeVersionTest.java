package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prodet.api.model.Provenance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** What a run records as the code that trained it (checkpoints, then model.json's provenance). */
class CodeVersionTest {
    @Test
    void theLaunchersGitDescribeElseTheTrainerBundlesVersion() {
        Version bundle = new Version(0, 1, 0, "SNAPSHOT");
        assertEquals(
                "43b94a0c1d2e-dirty",
                DjlTrainer.codeVersion(Map.of(Provenance.CODE_VERSION_PROPERTY, " 43b94a0c1d2e-dirty\n")::get, bundle));
        assertEquals("dev.prodet.train.djl 0.1.0.SNAPSHOT", DjlTrainer.codeVersion(k -> null, bundle));
        assertEquals(
                "dev.prodet.train.djl 0.1.0.SNAPSHOT",
                DjlTrainer.codeVersion(Map.of(Provenance.CODE_VERSION_PROPERTY, "")::get, bundle));
    }
}
