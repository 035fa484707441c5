package io.imgorigin.processing.resize;

import io.imgorigin.processing.pipeline.PixelBuffer;

import java.awt.image.BufferedImage;

import io.imgorigin.options.Gravity;

/**
 * Finds the crop window with the most detail, for {@code g=smart}. Detail is the edge energy (the
 * luma gradient) of a small copy of the image, plus a little for colourfulness, so that a textured or
 * colourful subject wins over flat sky or a plain backdrop. A window has to beat the centred one by a
 * clear margin to be chosen, so flat or evenly busy images are cropped in the centre.
 */
public final class DetailFinder {

    /** Cells along the longer side of the detail map. */
    private static final int GRID = 96;
    /** How much better than the centre a window must score to be chosen. */
    private static final double MARGIN = 1.02;
    private static final double SATURATION_WEIGHT = 0.25;

    public CropWindow find(BufferedImage image, int scaledWidth, int scaledHeight, int width, int height) {
        CropWindow centre = CropPlacer.anchored(scaledWidth, scaledHeight, width, height, Gravity.CENTER);
        PixelBuffer pixels = PixelBuffer.of(image);
        int cell = Math.max(1, Math.ceilDiv(Math.max(pixels.width(), pixels.height()), GRID));
        int columns = Math.ceilDiv(pixels.width(), cell);
        int rows = Math.ceilDiv(pixels.height(), cell);
        double[] sums = integral(energy(pixels, cell, columns, rows), columns, rows);
        // The window measured in cells of the map.
        double cellsPerScaledX = (double) columns / scaledWidth;
        double cellsPerScaledY = (double) rows / scaledHeight;
        int windowColumns = Math.clamp(Math.round(width * cellsPerScaledX), 1, columns);
        int windowRows = Math.clamp(Math.round(height * cellsPerScaledY), 1, rows);
        int centreColumn = (columns - windowColumns) / 2;
        int centreRow = (rows - windowRows) / 2;
        double best = score(sums, columns, centreColumn, centreRow, windowColumns, windowRows);
        double threshold = best * MARGIN + 1e-9;
        int bestColumn = -1;
        int bestRow = -1;
        for (int row = 0; row <= rows - windowRows; row++) {
            for (int column = 0; column <= columns - windowColumns; column++) {
                double score = score(sums, columns, column, row, windowColumns, windowRows);
                if (score > threshold && (bestColumn < 0 || score > best)) {
                    best = score;
                    bestColumn = column;
                    bestRow = row;
                }
            }
        }
        if (bestColumn < 0) {
            return centre;
        }
        int x = (int) Math.round(bestColumn / cellsPerScaledX);
        int y = (int) Math.round(bestRow / cellsPerScaledY);
        return new CropWindow(Math.clamp(x, 0, scaledWidth - width), Math.clamp(y, 0, scaledHeight - height),
                width, height);
    }

    /** Per cell: luma gradient towards the right and lower neighbours, plus weighted saturation. */
    private static double[] energy(PixelBuffer pixels, int cell, int columns, int rows) {
        double[] luma = new double[columns * rows];
        double[] saturation = new double[columns * rows];
        int[] counts = new int[columns * rows];
        int step = Math.max(1, cell / 4);
        int[] data = pixels.data();
        for (int y = 0; y < pixels.height(); y += step) {
            int base = pixels.index(0, y);
            int rowCell = y / cell * columns;
            for (int x = 0; x < pixels.width(); x += step) {
                int p = data[base + x];
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                int alpha = pixels.alpha() ? p >>> 24 : 255;
                int at = rowCell + x / cell;
                luma[at] += (0.299 * r + 0.587 * g + 0.114 * b) * alpha / 255;
                saturation[at] += (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b))) * alpha / 255.0;
                counts[at]++;
            }
        }
        for (int i = 0; i < luma.length; i++) {
            luma[i] /= Math.max(1, counts[i]);
            saturation[i] /= Math.max(1, counts[i]);
        }
        double[] energy = new double[columns * rows];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int at = row * columns + column;
                double dx = column + 1 < columns ? Math.abs(luma[at + 1] - luma[at]) : 0;
                double dy = row + 1 < rows ? Math.abs(luma[at + columns] - luma[at]) : 0;
                energy[at] = dx + dy + SATURATION_WEIGHT * saturation[at];
            }
        }
        return energy;
    }

    /** Summed-area table with a zero first row and column: (columns+1)×(rows+1). */
    private static double[] integral(double[] values, int columns, int rows) {
        int stride = columns + 1;
        double[] sums = new double[stride * (rows + 1)];
        for (int row = 0; row < rows; row++) {
            double line = 0;
            for (int column = 0; column < columns; column++) {
                line += values[row * columns + column];
                sums[(row + 1) * stride + column + 1] = sums[row * stride + column + 1] + line;
            }
        }
        return sums;
    }

    private static double score(double[] sums, int columns, int column, int row, int width, int height) {
        int stride = columns + 1;
        return sums[(row + height) * stride + column + width] - sums[row * stride + column + width]
                - sums[(row + height) * stride + column] + sums[row * stride + column];
    }
}
