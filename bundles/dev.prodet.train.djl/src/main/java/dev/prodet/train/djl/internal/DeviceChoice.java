package dev.prodet.train.djl.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Resolves {@code run.device}: {@code cpu}, {@code gpu} (an error when the engine has none) or {@code auto} (a GPU
 * whenever the engine has one). DJL's PyTorch engine reports GPUs only when the libtorch it loaded was built with
 * CUDA: the embedded CPU build never does, a CUDA libtorch named by {@code PYTORCH_LIBRARY_PATH} does (README,
 * "Train on a GPU").
 */
final class DeviceChoice {
    private DeviceChoice() {}

    /** The device for {@code choice} on the PyTorch engine of this process. */
    static Device resolve(String choice) {
        Engine engine = Engine.getEngine("PyTorch");
        return resolve(choice, engine.getGpuCount(), "libtorch " + engine.getVersion());
    }

    /**
     * The device for {@code choice} given what the engine sees.
     *
     * @param gpus GPUs the engine can use
     * @param engine what the engine is, for the error message
     */
    static Device resolve(String choice, int gpus, String engine) {
        return switch (choice) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("run.device is gpu but the PyTorch engine (" + engine
                            + ") sees no GPU: it uses a CUDA GPU only with a CUDA build of libtorch. Point"
                            + " PYTORCH_LIBRARY_PATH at one (with PYTORCH_VERSION and PYTORCH_FLAVOR, e.g. 2.7.1 and"
                            + " cu128; README, 'Train on a GPU'), or set run.device to auto or cpu");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("run.device must be auto, cpu or gpu, got '" + choice + "'");
        };
    }
}
