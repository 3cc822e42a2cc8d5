package dev.prodet.serve.internal.video;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A video in memory as FFmpeg's custom I/O reads it. The read and seek callbacks are native thunks, created once and
 * shared; each open video is found by its opaque pointer's address.
 */
final class ByteSource implements AutoCloseable {
    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int SEEK_END = 2;
    private static final int AVSEEK_SIZE = 0x10000;
    private static final int AVSEEK_FORCE = 0x20000;

    private static final Map<Long, ByteSource> OPEN = new ConcurrentHashMap<>();

    static final Read_packet_Pointer_BytePointer_int READ = new Read_packet_Pointer_BytePointer_int() {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            ByteSource s = OPEN.get(opaque.address());
            return s == null ? avutil.AVERROR_EOF() : s.read(buf, size);
        }
    };

    static final Seek_Pointer_long_int SEEK = new Seek_Pointer_long_int() {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            ByteSource s = OPEN.get(opaque.address());
            return s == null ? -1 : s.seek(offset, whence);
        }
    };

    private final byte[] data;
    private final BytePointer opaque = new BytePointer(1);
    private int pos;

    ByteSource(byte[] data) {
        this.data = data;
        OPEN.put(opaque.address(), this);
    }

    /** The pointer FFmpeg hands back to the callbacks. */
    Pointer opaque() {
        return opaque;
    }

    private int read(BytePointer buf, int size) {
        int n = Math.min(size, data.length - pos);
        if (n <= 0) {
            return avutil.AVERROR_EOF();
        }
        buf.position(0).put(data, pos, n);
        pos += n;
        return n;
    }

    private long seek(long offset, int whence) {
        int how = whence & ~AVSEEK_FORCE;
        if (how == AVSEEK_SIZE) {
            return data.length;
        }
        long target =
                switch (how) {
                    case SEEK_SET -> offset;
                    case SEEK_CUR -> pos + offset;
                    case SEEK_END -> data.length + offset;
                    default -> -1;
                };
        if (target < 0 || target > data.length) {
            return -1;
        }
        pos = (int) target;
        return target;
    }

    @Override
    public void close() {
        OPEN.remove(opaque.address());
        opaque.close();
    }
}
