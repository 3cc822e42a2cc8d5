package dev.prodet.serve.internal.video;

/**
 * The video containers accepted, recognised by their first bytes: MP4 (an ISO base media {@code ftyp} box) and WebM
 * (an EBML header). The demuxer is then forced to the one named here, so FFmpeg never guesses among its hundreds.
 */
public enum VideoFormat {
    /** ISO base media: MP4, MOV, 3GP; FFmpeg's mov demuxer. */
    MP4("mp4"),
    /** Matroska/WebM; FFmpeg's matroska demuxer. */
    WEBM("webm");

    private final String demuxer;

    VideoFormat(String demuxer) {
        this.demuxer = demuxer;
    }

    /** The FFmpeg demuxer name. */
    public String demuxer() {
        return demuxer;
    }

    /** The format of these bytes, or null when they are not an MP4 or WebM file. */
    public static VideoFormat of(byte[] b) {
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return MP4;
        }
        if (b.length >= 4
                && (b[0] & 0xff) == 0x1a
                && (b[1] & 0xff) == 0x45
                && (b[2] & 0xff) == 0xdf
                && (b[3] & 0xff) == 0xa3) {
            return WEBM;
        }
        return null;
    }
}
