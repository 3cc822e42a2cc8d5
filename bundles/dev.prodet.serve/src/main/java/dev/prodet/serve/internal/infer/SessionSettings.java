package dev.prodet.serve.internal.infer;

/**
 * How ONNX Runtime sessions are made.
 *
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose (one per core)
 * @param interOpThreads threads across operators; 0 lets ONNX Runtime choose
 * @param cuda try the CUDA execution provider first, falling back to CPU when it is not available
 * @param cudaDevice the CUDA device id
 * @param spinning whether idle ONNX Runtime threads spin-wait; off by default, since spinning threads take the
 *     cores that decoding and HTTP need on a small edge CPU
 */
public record SessionSettings(int intraOpThreads, int interOpThreads, boolean cuda, int cudaDevice, boolean spinning) {

    /** CPU with ONNX Runtime's thread defaults, no spinning. */
    public static final SessionSettings CPU = new SessionSettings(0, 0, false, 0, false);

    /** Validates the counts. */
    public SessionSettings {
        if (intraOpThreads < 0 || interOpThreads < 0 || cudaDevice < 0) {
            throw new IllegalArgumentException("session thread counts and CUDA device must be >= 0, got intra="
                    + intraOpThreads + ", inter=" + interOpThreads + ", device=" + cudaDevice);
        }
    }
}
