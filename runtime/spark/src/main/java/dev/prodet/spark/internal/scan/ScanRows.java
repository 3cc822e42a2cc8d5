package dev.prodet.spark.internal.scan;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one table a scan writes. {@code level} says what a row describes: {@code face} (one aligned face of one
 * sampled frame, its score), {@code frame} (a sampled frame: its face count and the highest face score) or
 * {@code media} (an image or video: frames sampled, faces, mean of its frame scores as evaluation computes video
 * scores, label by the model's threshold, or the error that stopped it). Every row names the model package.
 */
public final class ScanRows {

    /** Level of a face row. */
    public static final String FACE = "face";
    /** Level of a frame row. */
    public static final String FRAME = "frame";
    /** Level of a media row. */
    public static final String MEDIA = "media";

    /** The Parquet schema. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        field("level", DataTypes.StringType, false),
        field("source", DataTypes.StringType, false),
        field("media_type", DataTypes.StringType, true),
        field("frame_index", DataTypes.IntegerType, true),
        field("sample", DataTypes.IntegerType, true),
        field("face_index", DataTypes.IntegerType, true),
        field("box_x", DataTypes.FloatType, true),
        field("box_y", DataTypes.FloatType, true),
        field("box_width", DataTypes.FloatType, true),
        field("box_height", DataTypes.FloatType, true),
        field("frames", DataTypes.IntegerType, true),
        field("faces", DataTypes.IntegerType, true),
        field("score", DataTypes.DoubleType, true),
        field("label", DataTypes.StringType, true),
        field("error", DataTypes.StringType, true),
        field("model_name", DataTypes.StringType, true),
        field("model_version", DataTypes.StringType, true),
        field("model_sha256", DataTypes.StringType, true)
    });

    private ScanRows() {}

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** A face row. */
    static Row face(String source, String type, Face f, ModelRef m) {
        return RowFactory.create(
                FACE,
                source,
                type,
                f.frameIndex(),
                f.sample(),
                f.faceIndex(),
                f.x(),
                f.y(),
                f.width(),
                f.height(),
                null,
                null,
                (double) f.score(),
                null,
                null,
                name(m),
                version(m),
                sha(m));
    }

    /** A frame row; {@code score} is null when the frame has no face. */
    static Row frame(String source, String type, int frameIndex, int sample, int faces, Double score, ModelRef m) {
        return RowFactory.create(
                FRAME,
                source,
                type,
                frameIndex,
                sample,
                null,
                null,
                null,
                null,
                null,
                null,
                faces,
                score,
                null,
                null,
                name(m),
                version(m),
                sha(m));
    }

    /** The media row of an item that was read; {@code score} and {@code label} are null when it has no face. */
    static Row media(String source, String type, int frames, int faces, Double score, ModelRef m) {
        String label = score == null ? null : score >= m.threshold() ? "fake" : "real";
        return RowFactory.create(
                MEDIA,
                source,
                type,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                frames,
                faces,
                score,
                label,
                null,
                name(m),
                version(m),
                sha(m));
    }

    /** The media row of an item that could not be scanned, with the reason. */
    static Row failed(String source, String type, String error, ModelRef m) {
        return RowFactory.create(
                MEDIA,
                source,
                type,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                error,
                name(m),
                version(m),
                sha(m));
    }

    /** The column names, in order. */
    public static List<String> columns() {
        return List.of(SCHEMA.fieldNames());
    }

    private static String name(ModelRef m) {
        return m == null ? null : m.name();
    }

    private static String version(ModelRef m) {
        return m == null ? null : m.version();
    }

    private static String sha(ModelRef m) {
        return m == null ? null : m.sha256();
    }

    /** One scored face. */
    record Face(int frameIndex, int sample, int faceIndex, float x, float y, float width, float height, float score) {}
}
