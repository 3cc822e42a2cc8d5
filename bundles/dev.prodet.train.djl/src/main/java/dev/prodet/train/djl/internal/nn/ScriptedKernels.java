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
 * libtorch kernels that DJL's JNI layer does not expose, reached through a TorchScript module that this class writes
 * (a few lines of TorchScript source in a zip archive, compiled by libtorch when loaded). Only SiLU: as
 * x·sigmoid(x) from DJL operators it costs two kernels forward and four backward (both products, the sigmoid's
 * derivative, the sum of the two gradients), each a pass over the network's largest tensors; {@code torch.silu}
 * is one kernel each way.
 */
final class ScriptedKernels {
    private static final String SOURCE = String.join(
            "\n",
            "class Kernels(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.Kernels,",
            "    x: Tensor) -> Tensor:",
            "    return torch.silu(x)",
            "");

    private ScriptedKernels() {}

    /** SiLU with autograd; the input must be unnamed (DJL reads a dotted array name as a method name). */
    static NDArray silu(NDArray x) {
        // the graph executor would profile and specialise this one-node graph per input shape: no gain, only work
        JniUtils.setGraphExecutorOptimize(false);
        return IValueUtils.forward(Holder.MODULE, new NDList(x), true).singletonOrThrow();
    }

    /** Loaded on first use, for the life of the process (it holds no tensors). */
    private static final class Holder {
        static final PtSymbolBlock MODULE = load();

        private static PtSymbolBlock load() {
            PtNDManager manager = (PtNDManager) NDManager.newBaseManager("PyTorch");
            try {
                return JniUtils.loadModule(manager, new ByteArrayInputStream(archive()), false, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the TorchScript kernels", e);
            }
        }
    }

    /**
     * A TorchScript archive (format version 3): the module's source, its pickled instance (class
     * {@code __torch__.Kernels}, state {@code {"training": True}}) and an empty constants table.
     */
    static byte[] archive() throws IOException {
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
            stored(z, "kernels/code/__torch__.py", ascii(SOURCE));
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
