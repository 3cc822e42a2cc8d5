package dev.prodet.serve.internal.video;

import dev.prodet.api.serve.ApiException;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the four FFmpeg libraries video decoding needs, once. FFmpeg's own log is silenced: every problem with a
 * video is answered to its client, and corrupt uploads would otherwise fill the console.
 */
final class FfmpegLibraries {
    private static volatile String failure;
    private static volatile boolean loaded;

    private FfmpegLibraries() {}

    /** @throws ApiException 503 when the natives cannot be loaded on this machine */
    static void require() throws ApiException {
        if (!loaded) {
            load();
        }
        if (failure != null) {
            throw new ApiException(503, "video-unavailable", "video decoding is unavailable here: " + failure);
        }
    }

    private static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swscale.class);
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        } catch (RuntimeException | LinkageError e) {
            failure = "the FFmpeg libraries did not load (" + e.getMessage() + ")";
        }
        loaded = true;
    }
}
