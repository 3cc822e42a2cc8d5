package dev.prodet.train.djl.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * libtorch operations that DJL's JNI layer does not expose, reached through TorchScript modules that this class
 * writes (one line of TorchScript source each, in a zip archive that libtorch compiles when it loads it).
 *
 * <ul>
 *   <li>SiLU: as x·sigmoid(x) from DJL operators it costs two kernels forward and four backward (both products, the
 *       sigmoid's derivative, the sum of the two gradients), each a pass over the network's largest tensors;
 *       {@code torch.silu} is one kernel each way.
 *   <li>Channels-last layout: oneDNN's convolutions and PyTorch's batch norm are markedly faster on NHWC data, and
 *       the layout carries through every later operation; DJL creates only contiguous NCHW tensors.
 * </ul>
 */
final class ScriptedKernels {
    private ScriptedKernels() {}

    /** SiLU with autograd; the input must be unnamed (DJL reads a dotted array name as a method name). */
    static NDArray silu(NDArray x) {
        return run(Modules.SILU, x);
    }

    /** The same values in channels-last (NHWC) memory order, for a 4-D tensor; differentiable. */
    static NDArray channelsLast(NDArray x) {
        return run(Modules.CHANNELS_LAST, x);
    }

    private static NDArray run(PtSymbolBlock module, NDArray x) {
        // the graph executor would profile and specialise these one-node graphs per input shape: no gain, only work
        JniUtils.setGraphExecutorOptimize(false);
        return IValueUtils.forward(module, new NDList(x), true).singletonOrThrow();
    }

    /** Loaded on first use, for the life of the process (they hold no tensors). */
    private static final class Modules {
        static final PtSymbolBlock SILU = load("torch.silu(x)");
        static final PtSymbolBlock CHANNELS_LAST = load("torch.contiguous(x, memory_format=2)");

        private static PtSymbolBlock load(String expression) {
            PtNDManager manager = (PtNDManager) NDManager.newBaseManager("PyTorch");
            try {
                return JniUtils.loadModule(manager, new ByteArrayInputStream(archive(expression)), false, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the TorchScript kernel " + expression, e);
            }
        }
    }

    /**
     * A TorchScript archive (format version 3) whose {@code forward(x)} returns {@code expression}: the module's
     * source, its pickled instance (class {@code __torch__.Kernels}, state {@code {"training": True}}) and an empty
     * constants table.
     */
    static byte[] archive(String expression) throws IOException {
        String source = String.join(
                "\n",
                "class Kernels(Module):",
                "  __parameters__ = []",
                "  __buffers__ = []",
                "  training : bool",
                "  def forward(self: __torch__.Kernels,",
                "    x: Tensor) -> Tensor:",
                "    return " + expression,
                "");
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(new byte[] {(byte) 0x80, 2, 'c'}); // protocol 2, GLOBAL
        pickle.write(ascii("__torch__\nKernels\n"));
        pickle.write(new byte[] {')', (byte) 0x81, '}', '(', 'X', 8, 0, 0, 0}); // NEWOBJ(), {, MARK, "training"
        pickle.write(ascii("training"));
        pickle.write(new byte[] {(byte) 0x88, 'u', 'b', '.'}); // True, SETITEMS, BUILD, STOP
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            stored(z, "kernels/version", ascii("3\n"));
            stored(z, "kernels/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            stored(z, "kernels/data.pkl", pickle.toByteArray());
            stored(z, "kernels/code/__torch__.py", ascii(source));
        }
        return zip.toByteArray();
    }

    private static void stored(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED); // as torch.save writes them
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
