package io.imgorigin.codec.png;

import java.awt.Rectangle;

/**
 * The source pixels an ImageReadParam selects: every {@code stepX}-th column and {@code stepY}-th row of
 * a region that starts at ({@code x}, {@code y}), {@code columns} by {@code rows} of them, as ImageIO
 * counts them: ceil(region side / step).
 */
public record SampleGrid(int x, int y, int stepX, int stepY, int columns, int rows) {

    /**
     * @param region the source region clipped to the image and moved by the subsampling offsets, as
     *               {@code ImageReader.getSourceRegion} gives it
     */
    public static SampleGrid of(Rectangle region, int stepX, int stepY) {
        if (region.width <= 0 || region.height <= 0) {
            throw new IllegalArgumentException("the source region and subsampling offsets select no pixels");
        }
        return new SampleGrid(region.x, region.y, stepX, stepY, Math.ceilDiv(region.width, stepX),
                Math.ceilDiv(region.height, stepY));
    }

    public static SampleGrid whole(int width, int height) {
        return new SampleGrid(0, 0, 1, 1, width, height);
    }

    public boolean coversWhole(int width, int height) {
        return x == 0 && y == 0 && stepX == 1 && stepY == 1 && columns == width && rows == height;
    }

    public boolean takesRow(int sourceRow) {
        return sourceRow >= y && sourceRow <= lastRow() && (sourceRow - y) % stepY == 0;
    }

    public int outputRow(int sourceRow) {
        return (sourceRow - y) / stepY;
    }

    public int lastRow() {
        return y + (rows - 1) * stepY;
    }
}
