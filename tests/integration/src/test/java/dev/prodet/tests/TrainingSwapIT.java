package dev.prodet.tests;

import dev.prodet.tests.support.Dist;
import dev.prodet.tests.support.PaxRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Done-when of the trainer issue: the regularizer is swapped three times during a short run on a tiny model, each
 * swap applied at a step boundary, training continuing, the trainer service never re-created. And of the per-run
 * regularizer: two runs with different strategies keep their own, a swap addressed to one leaves the other alone.
 * One class, one framework: libtorch loads once per process.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrainingSwapIT {
    private static final String CONFIG = String.join(
            "\n",
            "run: {name: swap-it, seed: 1, steps: 100000, budgetMinutes: 0, checkpointEvery: 100000, logEvery: 100,",
            "      device: cpu, threads: 0}",
            "model: {backbone: compact, inputSize: 64, featureWidth: 16, hidden: 16}",
            "regularizer: {name: opr-tb}",
            "data: {provider: synthetic, root: unused, split: train, tuplesPerBatch: 2,",
            "       anchors: [REAL, SBI], generators: {SBI: fixture-a}, workers: 1, prefetch: 2}",
            "optimizer: {lr: 0.001, weightDecay: 0.0}",
            "");

    @Inject
    private BundleContext ctx;

    @Configuration
    public Option[] config() throws Exception {
        Path home = Files.createTempDirectory("prodet-train-it");
        Files.writeString(home.resolve("swap-it.yaml"), CONFIG);
        return OptionUtils.combine(
                PaxRuntime.features(
                        List.of("core", "cli", "train"), Dist.fixtureJar("dev.prodet.tests.fixture.generator.a")),
                CoreOptions.frameworkProperty("prodet.workspace").value(home.toString()));
    }

    @Test
    public void regularizerSwapsThreeTimesAtStepBoundaries() throws Exception {
        TrainingSwapScenario.run(ctx);
    }

    @Test
    public void twoRunsKeepTheirOwnRegularizer() throws Exception {
        PerRunRegularizerScenario.run(ctx, "swap-it.yaml");
    }
}
