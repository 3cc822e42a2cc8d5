package dev.prodet.serve.internal.infer;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;

/**
 * Creates a session on the configured execution provider: CUDA when asked for and it works, else CPU. ONNX Runtime
 * does not fall back by itself when the CUDA libraries are missing (onnxruntime#7044), so both the provider
 * registration and the session creation are tried and the reason for a fallback is kept.
 */
final class ProviderChoice {
    private ProviderChoice() {}

    /** A session and the provider it runs on, e.g. {@code CPU} or {@code CPU (CUDA unavailable: ...)}. */
    record Session(OrtSession session, String provider) {}

    static Session create(OrtEnvironment env, byte[] model, SessionSettings s, ModelPackage pkg)
            throws ModelPackageException {
        String fallback = null;
        if (s.cuda()) {
            try (OrtSession.SessionOptions o = options(s)) {
                o.addCUDA(s.cudaDevice());
                return new Session(env.createSession(model, o), "CUDA:" + s.cudaDevice());
            } catch (OrtException | RuntimeException | LinkageError e) {
                fallback = "CUDA unavailable: " + firstLine(e);
            }
        }
        try (OrtSession.SessionOptions o = options(s)) {
            return new Session(env.createSession(model, o), fallback == null ? "CPU" : "CPU (" + fallback + ")");
        } catch (OrtException e) {
            throw OrtModel.fail(pkg, "cannot be loaded by ONNX Runtime: " + firstLine(e));
        }
    }

    private static OrtSession.SessionOptions options(SessionSettings s) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.addConfigEntry("session.intra_op.allow_spinning", s.spinning() ? "1" : "0");
            o.addConfigEntry("session.inter_op.allow_spinning", s.spinning() ? "1" : "0");
            if (s.intraOpThreads() > 0) {
                o.setIntraOpNumThreads(s.intraOpThreads());
            }
            if (s.interOpThreads() > 0) {
                o.setInterOpNumThreads(s.interOpThreads());
            }
            return o;
        } catch (OrtException | RuntimeException e) {
            o.close();
            throw e;
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
