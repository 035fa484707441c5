package io.imgorigin.codec.spng;

import io.imgorigin.codec.png.Adam7;
import io.imgorigin.codec.png.SampleGrid;

import java.util.function.IntUnaryOperator;

/**
 * Keeps the pixels a {@link SampleGrid} selects from rows as libspng hands them over. Rows of an
 * Adam7-interlaced image come once per pass that touches them, each time holding only that pass's
 * columns (the rest of the buffer is left from earlier rows), so only those columns are taken.
 */
final class RowSampler {

    private final SampleGrid grid;
    private final int[] target;
    private final boolean alpha;
    private final boolean interlaced;

    RowSampler(SampleGrid grid, int[] target, boolean alpha, boolean interlaced) {
        this.grid = grid;
        this.target = target;
        this.alpha = alpha;
        this.interlaced = interlaced;
    }

    /** @param row one RGBA8 pixel per int, in native byte order */
    void take(int sourceRow, int pass, int[] row) {
        take(sourceRow, pass, column -> RgbaPixels.argb(row[column], alpha));
    }

    /** @param row four RGBA16 samples per pixel */
    void take(int sourceRow, int pass, short[] row) {
        take(sourceRow, pass, column -> RgbaPixels.argb(row, column * 4, alpha));
    }

    private void take(int sourceRow, int pass, IntUnaryOperator argbAt) {
        if (!grid.takesRow(sourceRow)) {
            return;
        }
        int offset = grid.outputRow(sourceRow) * grid.columns();
        for (int i = 0; i < grid.columns(); i++) {
            int column = grid.x() + i * grid.stepX();
            if (!interlaced || Adam7.holdsColumn(pass, column)) {
                target[offset + i] = argbAt.applyAsInt(column);
            }
        }
    }
}
