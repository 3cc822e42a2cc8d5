package dev.prodet.train.djl.internal.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ScriptedKernelsTest {

    @Test
    void siluAndItsGradientMatchXTimesSigmoid() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(5);
            NDArray a = m.randomNormal(0, 3, new Shape(2, 3, 5, 7), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray b = a.duplicate();
            NDArray g = m.randomNormal(new Shape(2, 3, 5, 7));
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            float[] scripted;
            float[] composed;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = ScriptedKernels.silu(a);
                scripted = y.toFloatArray();
                gc.backward(y.mul(g).sum());
            }
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = b.mul(Activation.sigmoid(b));
                composed = y.toFloatArray();
                gc.backward(y.mul(g).sum());
            }
            assertArrayEquals(composed, scripted, 1e-5f);
            assertArrayEquals(b.getGradient().toFloatArray(), a.getGradient().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void channelsLastKeepsValuesAndPassesTheGradientThrough() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(6);
            NDArray a = m.randomNormal(new Shape(2, 3, 5, 7));
            NDArray g = m.randomNormal(new Shape(2, 3, 5, 7));
            a.setRequiresGradient(true);
            float[] reordered;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = ScriptedKernels.channelsLast(a);
                reordered = y.toFloatArray();
                gc.backward(y.mul(g).sum());
            }
            assertArrayEquals(a.toFloatArray(), reordered, 0f);
            assertArrayEquals(g.toFloatArray(), a.getGradient().toFloatArray(), 0f);
        }
    }
}
