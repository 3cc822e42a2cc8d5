package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
    @Test
    void autoTakesAGpuWhenTheEngineHasOne() {
        assertEquals(Device.gpu(), DeviceChoice.resolve("auto", 1, "libtorch 2.7.1"));
        assertEquals(Device.cpu(), DeviceChoice.resolve("auto", 0, "libtorch 2.7.1"));
        assertEquals(Device.cpu(), DeviceChoice.resolve("cpu", 2, "libtorch 2.7.1"));
        assertEquals(Device.gpu(), DeviceChoice.resolve("gpu", 2, "libtorch 2.7.1"));
    }

    @Test
    void gpuWithoutOneIsAClearErrorThatSaysWhatToDo() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DeviceChoice.resolve("gpu", 0, "libtorch 2.7.1"));
        assertTrue(e.getMessage().startsWith("run.device is gpu but the PyTorch engine (libtorch 2.7.1) sees no GPU"));
        assertTrue(e.getMessage().contains("PYTORCH_LIBRARY_PATH"), e.getMessage());
    }

    @Test
    void theEmbeddedCpuEngineSeesNoGpu() {
        // the CPU build of libtorch from Maven: auto falls back to the CPU, gpu refuses
        assertEquals(Device.cpu(), DeviceChoice.resolve("auto"));
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.resolve("gpu"));
    }
}
