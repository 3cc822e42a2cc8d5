package dev.prodet.data.internal.prepare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a preparation run did: videos prepared now, videos already up to date, frames sampled, faces kept, frames
 * dropped for want of a face, and every video that failed with its path and reason. Thread-safe.
 */
public final class PrepareReport {

    /** One failed source. */
    public record Failure(String source, String reason) {}

    private int prepared;
    private int upToDate;
    private int sampled;
    private int faces;
    private int dropped;
    private final List<Failure> failures = new ArrayList<>();

    synchronized void prepared(int sampledFrames, int keptFaces, int droppedFrames) {
        prepared++;
        sampled += sampledFrames;
        faces += keptFaces;
        dropped += droppedFrames;
    }

    synchronized void skippedUpToDate() {
        upToDate++;
    }

    synchronized void failed(String source, String reason) {
        failures.add(new Failure(source, reason));
    }

    /** Videos prepared in this run. */
    public synchronized int prepared() {
        return prepared;
    }

    /** Videos skipped because their crops were already there and their source unchanged. */
    public synchronized int upToDate() {
        return upToDate;
    }

    /** Faces kept in this run. */
    public synchronized int faces() {
        return faces;
    }

    /** Sampled frames dropped because no face was found (or confirmed on the crop). */
    public synchronized int dropped() {
        return dropped;
    }

    /** Frames sampled in this run. */
    public synchronized int sampled() {
        return sampled;
    }

    /** The failed sources, ordered by path. */
    public synchronized List<Failure> failures() {
        List<Failure> copy = new ArrayList<>(failures);
        copy.sort(Comparator.comparing(Failure::source));
        return copy;
    }

    /** Whether every source was prepared or already up to date. */
    public synchronized boolean ok() {
        return failures.isEmpty();
    }

    /** The JSON form written to {@code report.json}. */
    public synchronized Json toJson() {
        return new Json(prepared, upToDate, sampled, faces, dropped, failures());
    }

    /** Multi-line summary for the console. */
    public synchronized String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "videos: %d prepared, %d already up to date, %d failed; frames: %d sampled, "
                        + "%d faces kept, %d dropped (no face)",
                prepared, upToDate, failures.size(), sampled, faces, dropped));
        for (Failure f : failures()) {
            sb.append(System.lineSeparator())
                    .append("FAILED ")
                    .append(f.source())
                    .append(": ")
                    .append(f.reason());
        }
        return sb.toString();
    }

    /** Serialised report. */
    public record Json(
            int prepared,
            int upToDate,
            int framesSampled,
            int facesKept,
            int framesDroppedNoFace,
            List<Failure> failures) {}
}
