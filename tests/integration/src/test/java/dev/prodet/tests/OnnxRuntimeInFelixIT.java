package dev.prodet.tests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.prodet.tests.support.PaxRuntime;
import dev.prodet.tests.support.TinyOnnx;
import java.util.List;
import java.util.Map;
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

/** Done-when (2) of the platform issue: ONNX Runtime runs a model inside Felix, from the edge feature's bundle. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OnnxRuntimeInFelixIT {
    @Inject
    private BundleContext ctx;

    @Configuration
    public Option[] config() {
        return PaxRuntime.features(List.of("core", "edge"));
    }

    @Test
    public void runsAModelWithTheBundledNatives() throws Exception {
        assertEquals(
                "dev.prodet.platform.onnxruntime",
                FrameworkUtil.getBundle(OrtEnvironment.class).getSymbolicName());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(TinyOnnx.relu(3), so);
                OnnxTensor x = OnnxTensor.createTensor(env, new float[][] {{-1f, 0f, 2.5f}, {3f, -4f, 5f}});
                OrtSession.Result r = session.run(Map.of("x", x))) {
            float[][] y = (float[][]) r.get(0).getValue();
            assertArrayEquals(new float[] {0f, 0f, 2.5f}, y[0], 0f);
            assertArrayEquals(new float[] {3f, 0f, 5f}, y[1], 0f);
        }
    }
}
