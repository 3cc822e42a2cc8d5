package dev.prodet.face.internal.blazeface;

/**
 * The anchors of BlazeFace short-range, as MediaPipe's {@code SsdAnchorsCalculator} makes them for
 * {@code face_detection_short_range}: input 128, strides 8, 16, 16, 16, one aspect ratio plus one interpolated
 * scale per layer and fixed anchor size. Layers of equal stride share a grid, giving 16×16×2 + 8×8×6 = 896
 * anchors, ordered by grid, then row, then column, then anchor, as the model's outputs are. Coordinates are
 * normalised to the input (0..1); with fixed anchor size every anchor is 1×1, so only centres are kept.
 */
public final class SsdAnchors {

    /** Number of anchors. */
    public static final int COUNT = 896;

    private static final int[][] GRIDS = { // {cells per side, anchors per cell}
        {16, 2}, {8, 6}
    };

    private final float[] cx = new float[COUNT];
    private final float[] cy = new float[COUNT];

    /** Generates the anchors. */
    public SsdAnchors() {
        int i = 0;
        for (int[] grid : GRIDS) {
            int cells = grid[0];
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int k = 0; k < grid[1]; k++) {
                        cx[i] = (x + 0.5f) / cells; // anchor_offset 0.5
                        cy[i] = (y + 0.5f) / cells;
                        i++;
                    }
                }
            }
        }
        if (i != COUNT) {
            throw new AssertionError("BlazeFace anchor count " + i + " != " + COUNT);
        }
    }

    /** Centre x of anchor {@code i}, normalised. */
    public float cx(int i) {
        return cx[i];
    }

    /** Centre y of anchor {@code i}, normalised. */
    public float cy(int i) {
        return cy[i];
    }
}
