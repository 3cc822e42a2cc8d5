package dev.prodet.spark.internal.scan;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a scan wrote, counted from the written table.
 *
 * @param items media items (images and videos, failed ones included)
 * @param failed items that could not be scanned
 * @param faces faces scored
 * @param errors up to ten failed items as {@code path: reason}
 * @param out where the table is
 * @param seconds wall time from listing the items to the written table
 */
public record ScanSummary(long items, long failed, long faces, List<String> errors, String out, double seconds) {

    static ScanSummary of(Dataset<Row> table, String out, double seconds) {
        Dataset<Row> media = table.filter(col("level").equalTo(ScanRows.MEDIA));
        Dataset<Row> bad = media.filter(col("error").isNotNull());
        List<String> errors = bad.orderBy("source").limit(10).collectAsList().stream()
                .map(r -> r.getAs("source") + ": " + r.getAs("error"))
                .toList();
        return new ScanSummary(
                media.count(),
                bad.count(),
                table.filter(col("level").equalTo(ScanRows.FACE)).count(),
                errors,
                out,
                seconds);
    }

    /** Multi-line summary for the console. */
    public String text() {
        StringBuilder sb = new StringBuilder(
                String.format("scan: %d items, %d faces scored, %d failed; table: %s", items, faces, failed, out));
        for (String e : errors) {
            sb.append(System.lineSeparator()).append("FAILED ").append(e);
        }
        if (failed > errors.size()) {
            sb.append(System.lineSeparator()).append("... (the table lists every failed item with its reason)");
        }
        return sb.toString();
    }
}
