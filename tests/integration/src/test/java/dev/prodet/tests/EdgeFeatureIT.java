package dev.prodet.tests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.prodet.tests.support.PaxRuntime;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/** Done-when (4) of the platform issue: the edge feature starts, every bundle active, with no DJL or PyTorch. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EdgeFeatureIT {
    @Inject
    private BundleContext ctx;

    @Configuration
    public Option[] config() {
        return PaxRuntime.features(List.of("core", "edge"));
    }

    @Test
    public void edgeStartsWithoutDjlOrPytorch() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : ctx.getBundles()) {
            String bsn = b.getSymbolicName();
            assertFalse(
                    "edge must not carry DJL/PyTorch: " + bsn,
                    bsn.startsWith("ai.djl") || bsn.toLowerCase().contains("pytorch") || bsn.endsWith("platform.djl"));
            BundleRevision rev = b.adapt(BundleRevision.class);
            for (BundleCapability c : rev.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                String pkg = (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                assertFalse(bsn + " exports " + pkg, pkg.startsWith("ai.djl"));
            }
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() != (fragment ? Bundle.RESOLVED : Bundle.ACTIVE)) {
                notActive.add(bsn + " state " + b.getState());
            }
        }
        assertEquals("bundles not active: " + notActive, List.of(), notActive);
        assertTrue(bundlePresent("dev.prodet.platform.onnxruntime"));
        assertTrue(bundlePresent("org.apache.felix.http.jetty12.light"));
        assertTrue(bundlePresent("org.eclipse.jetty.server"));
    }

    private boolean bundlePresent(String bsn) {
        for (Bundle b : ctx.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }
}
