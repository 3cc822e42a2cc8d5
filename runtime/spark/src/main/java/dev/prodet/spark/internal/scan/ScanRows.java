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

    // column positions, by name
    private static final int LEVEL = SCHEMA.fieldIndex("level");
    private static final int SOURCE = SCHEMA.fieldIndex("source");
    private static final int MEDIA_TYPE = SCHEMA.fieldIndex("media_type");
    private static final int FRAME_INDEX = SCHEMA.fieldIndex("frame_index");
    private static final int SAMPLE = SCHEMA.fieldIndex("sample");
    private static final int FACE_INDEX = SCHEMA.fieldIndex("face_index");
    private static final int BOX_X = SCHEMA.fieldIndex("box_x");
    private static final int BOX_Y = SCHEMA.fieldIndex("box_y");
    private static final int BOX_WIDTH = SCHEMA.fieldIndex("box_width");
    private static final int BOX_HEIGHT = SCHEMA.fieldIndex("box_height");
    private static final int FRAMES = SCHEMA.fieldIndex("frames");
    private static final int FACES = SCHEMA.fieldIndex("faces");
    private static final int SCORE = SCHEMA.fieldIndex("score");
    private static final int LABEL = SCHEMA.fieldIndex("label");
    private static final int ERROR = SCHEMA.fieldIndex("error");
    private static final int MODEL_NAME = SCHEMA.fieldIndex("model_name");
    private static final int MODEL_VERSION = SCHEMA.fieldIndex("model_version");
    private static final int MODEL_SHA256 = SCHEMA.fieldIndex("model_sha256");

    private ScanRows() {}

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** A face row. */
    static Row face(String source, String type, Face f, ModelRef m) {
        Object[] v = base(FACE, source, type, m);
        v[FRAME_INDEX] = f.frameIndex();
        v[SAMPLE] = f.sample();
        v[FACE_INDEX] = f.faceIndex();
        v[BOX_X] = f.x();
        v[BOX_Y] = f.y();
        v[BOX_WIDTH] = f.width();
        v[BOX_HEIGHT] = f.height();
        v[SCORE] = (double) f.score();
        return RowFactory.create(v);
    }

    /** A frame row; {@code score} is null when the frame has no face. */
    static Row frame(String source, String type, int frameIndex, int sample, int faces, Double score, ModelRef m) {
        Object[] v = base(FRAME, source, type, m);
        v[FRAME_INDEX] = frameIndex;
        v[SAMPLE] = sample;
        v[FACES] = faces;
        v[SCORE] = score;
        return RowFactory.create(v);
    }

    /** The media row of an item that was read; {@code score} and {@code label} are null when it has no face. */
    static Row media(String source, String type, int frames, int faces, Double score, ModelRef m) {
        Object[] v = base(MEDIA, source, type, m);
        v[FRAMES] = frames;
        v[FACES] = faces;
        v[SCORE] = score;
        v[LABEL] = score == null ? null : score >= m.threshold() ? "fake" : "real";
        return RowFactory.create(v);
    }

    /** The media row of an item that could not be scanned, with the reason. */
    static Row failed(String source, String type, String error, ModelRef m) {
        Object[] v = base(MEDIA, source, type, m);
        v[ERROR] = error;
        return RowFactory.create(v);
    }

    /** A row with the columns every level fills; the others null, in {@link #SCHEMA} order. */
    private static Object[] base(String level, String source, String type, ModelRef m) {
        Object[] v = new Object[SCHEMA.size()];
        v[LEVEL] = level;
        v[SOURCE] = source;
        v[MEDIA_TYPE] = type;
        if (m != null) {
            v[MODEL_NAME] = m.name();
            v[MODEL_VERSION] = m.version();
            v[MODEL_SHA256] = m.sha256();
        }
        return v;
    }

    /** The column names, in order. */
    public static List<String> columns() {
        return List.of(SCHEMA.fieldNames());
    }

    /** One scored face. */
    record Face(int frameIndex, int sample, int faceIndex, float x, float y, float width, float height, float score) {}
}
