package dev.prodet.tests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.prodet.tests.fixture.consumer.GeneratorProbe;
import dev.prodet.tests.support.Await;
import dev.prodet.tests.support.Dist;
import dev.prodet.tests.support.Gogo;
import dev.prodet.tests.support.PaxRuntime;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Done-when (3) of the platform issue: two implementations of one plugin kind and a consumer holding it by a
 * dynamic greedy reference; installing, updating and uninstalling implementations, and {@code prodet:swap}, change
 * what the consumer uses without the consumer being re-activated. Runs the real core + cli features.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginSwapIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    private BundleContext ctx;

    @Configuration
    public Option[] config() {
        return PaxRuntime.features(
                List.of("core", "cli"),
                Dist.fixtureJar("dev.prodet.tests.fixture.consumer"),
                Dist.fixtureJar("dev.prodet.tests.fixture.generator.a"),
                Dist.fixtureJar("dev.prodet.tests.fixture.generator.b"));
    }

    @Test
    public void installUpdateUninstallAndSwapRebindTheSameConsumerInstance() throws Exception {
        GeneratorProbe probe = (GeneratorProbe) Await.service(ctx, GeneratorProbe.class.getName(), WAIT);
        Await.until("greedy binding to the higher-ranked plugin", probe::generatorName, "fixture-a", WAIT);
        final int instance = probe.instanceId();
        final int activations = probe.activations();
        assertEquals("SBI", probe.liveAnchorKind());

        Bundle a = bundle("dev.prodet.tests.fixture.generator.a");
        Bundle b = bundle("dev.prodet.tests.fixture.generator.b");

        a.uninstall();
        Await.until("uninstalling the bound plugin rebinds to the other", probe::generatorName, "fixture-b", WAIT);
        assertEquals("1.0.0", probe.generatorVersion());

        Bundle a2 = ctx.installBundle(
                Dist.fixtureJar("dev.prodet.tests.fixture.generator.a").toUri().toString());
        a2.start();
        Await.until("installing a higher-ranked plugin rebinds greedily", probe::generatorName, "fixture-a", WAIT);

        String swapped = Gogo.run(ctx, "prodet:swap generator fixture-b");
        assertTrue(swapped, swapped.contains("GeneratorConsumer: generator -> fixture-b"));
        // The command reports SCR's bookkeeping (the component's DTO), which names the new service before SCR's
        // configuration thread has called the consumer's bind method: the consumer follows within moments.
        Await.until("the consumer's bind method follows the swap", probe::generatorName, "fixture-b", WAIT);

        try (InputStream in = Files.newInputStream(Dist.fixtureJar("dev.prodet.tests.fixture.generator.b2"))) {
            b.update(in);
        }
        refresh(b);
        Await.until("updating the bound plugin rebinds to the new version", probe::generatorVersion, "2.0.0", WAIT);
        assertEquals("fixture-b", probe.generatorName());

        String listing = Gogo.run(ctx, "prodet:plugins generator");
        assertTrue(listing, listing.matches("(?s).*\\*\\s+fixture-b\\s+2\\.0\\.0.*"));
        assertTrue(listing, listing.contains("fixture-a"));

        try {
            Gogo.run(ctx, "prodet:swap generator no-such-generator");
            fail("swap to an unknown plugin must fail");
        } catch (Exception e) {
            assertTrue(
                    e.getMessage(),
                    e.getMessage()
                            .contains("unknown generator plugin 'no-such-generator'; available: fixture-a, fixture-b"));
        }
        assertEquals("fixture-b", probe.generatorName());

        assertEquals("the consumer was never re-activated", activations, probe.activations());
        assertEquals("the consumer instance never changed", instance, probe.instanceId());
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : ctx.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle not installed: " + bsn);
    }

    private void refresh(Bundle b) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(Set.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("refresh finished", done.await(10, TimeUnit.SECONDS));
    }
}
