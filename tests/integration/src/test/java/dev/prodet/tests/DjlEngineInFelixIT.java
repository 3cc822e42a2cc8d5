package dev.prodet.tests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.prodet.platform.djl.DjlRuntime;
import dev.prodet.tests.support.Dist;
import dev.prodet.tests.support.PaxRuntime;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Done-when (1) of the platform issue: DJL's PyTorch engine runs a convolution inside Felix, with the natives taken
 * from the Maven jar embedded in the platform bundle and DJL in offline mode (every download attempt would throw).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DjlEngineInFelixIT {
    @Inject
    private BundleContext ctx;

    @Configuration
    public Option[] config() {
        return PaxRuntime.features(
                List.of("core"),
                Dist.home()
                        .resolve("bundles/dev/prodet/dev.prodet.platform.djl/" + Dist.version()
                                + "/dev.prodet.platform.djl-" + Dist.version() + ".jar"));
    }

    @Test
    public void pytorchConvolutionRunsOfflineInsideFelix() throws Exception {
        assertEquals(
                "dev.prodet.platform.djl", FrameworkUtil.getBundle(Engine.class).getSymbolicName());
        Engine engine = DjlRuntime.engine();
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        float[] out = DjlRuntime.call(() -> {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.arange(16f).reshape(new Shape(1, 1, 4, 4));
                NDArray w = m.ones(new Shape(1, 1, 3, 3));
                NDList y = Conv2d.conv2d(x, w);
                assertEquals(new Shape(1, 1, 2, 2), y.head().getShape());
                return y.head().toFloatArray();
            }
        });
        // 3x3 window sums over 0..15 laid out as a 4x4 image
        assertArrayEquals(new float[] {45f, 54f, 81f, 90f}, out, 0f);
    }
}
