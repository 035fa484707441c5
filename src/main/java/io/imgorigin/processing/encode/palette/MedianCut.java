package io.imgorigin.processing.encode.palette;

import java.util.ArrayList;
import java.util.List;

/**
 * Median cut over a histogram of 5 bits per channel: the box holding the most pixels is split across its
 * widest channel at the pixel median until there are enough boxes, and each box's colour is the mean of
 * its pixels. Work beyond one pass over the pixels is bounded by the histogram's 32768 cells.
 */
final class MedianCut {

    static final int BITS = 5;
    static final int SIDE = 1 << BITS;
    static final int CELLS = SIDE * SIDE * SIDE;

    private final int[] counts = new int[CELLS];
    private final long[] red = new long[CELLS];
    private final long[] green = new long[CELLS];
    private final long[] blue = new long[CELLS];

    static int cell(int rgb) {
        return ((rgb >> 19) & 0x1F) << 10 | ((rgb >> 11) & 0x1F) << 5 | (rgb >> 3) & 0x1F;
    }

    void add(int rgb) {
        int cell = cell(rgb);
        counts[cell]++;
        red[cell] += (rgb >> 16) & 0xFF;
        green[cell] += (rgb >> 8) & 0xFF;
        blue[cell] += rgb & 0xFF;
    }

    /** At most {@code colours} 0xRRGGBB colours for the pixels added. */
    int[] palette(int colours) {
        List<Box> boxes = new ArrayList<>();
        Box whole = new Box(new int[] {0, 0, 0}, new int[] {SIDE - 1, SIDE - 1, SIDE - 1});
        shrink(whole);
        if (whole.population == 0) {
            return new int[] {0};
        }
        boxes.add(whole);
        while (boxes.size() < colours) {
            Box largest = null;
            for (Box box : boxes) {
                if (box.splittable() && (largest == null || box.population > largest.population)) {
                    largest = box;
                }
            }
            if (largest == null) {
                break;
            }
            boxes.remove(largest);
            Box[] halves = split(largest);
            boxes.add(halves[0]);
            boxes.add(halves[1]);
        }
        int[] palette = new int[boxes.size()];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = mean(boxes.get(i));
        }
        return palette;
    }

    private static final class Box {
        final int[] low;
        final int[] high;
        long population;

        Box(int[] low, int[] high) {
            this.low = low;
            this.high = high;
        }

        boolean splittable() {
            return high[0] > low[0] || high[1] > low[1] || high[2] > low[2];
        }
    }

    private Box[] split(Box box) {
        int widest = 0;
        for (int a = 1; a < 3; a++) {
            if (box.high[a] - box.low[a] > box.high[widest] - box.low[widest]) {
                widest = a;
            }
        }
        int axis = widest;
        long[] slab = new long[SIDE];
        forEachCell(box, (cell, r, g, b) -> slab[axis == 0 ? r : axis == 1 ? g : b] += counts[cell]);
        long half = box.population / 2;
        long running = 0;
        int cut = box.low[axis];
        for (int v = box.low[axis]; v < box.high[axis]; v++) {
            running += slab[v];
            cut = v;
            if (running >= half) {
                break;
            }
        }
        int[] firstHigh = box.high.clone();
        firstHigh[axis] = cut;
        int[] secondLow = box.low.clone();
        secondLow[axis] = cut + 1;
        Box first = new Box(box.low.clone(), firstHigh);
        Box second = new Box(secondLow, box.high.clone());
        shrink(first);
        shrink(second);
        return new Box[] {first, second};
    }

    /** Tightens a box to the cells that hold pixels and counts them. */
    private void shrink(Box box) {
        int[] low = {SIDE, SIDE, SIDE};
        int[] high = {-1, -1, -1};
        long[] population = {0};
        forEachCell(box, (cell, r, g, b) -> {
            if (counts[cell] > 0) {
                population[0] += counts[cell];
                low[0] = Math.min(low[0], r);
                low[1] = Math.min(low[1], g);
                low[2] = Math.min(low[2], b);
                high[0] = Math.max(high[0], r);
                high[1] = Math.max(high[1], g);
                high[2] = Math.max(high[2], b);
            }
        });
        box.population = population[0];
        if (population[0] > 0) {
            System.arraycopy(low, 0, box.low, 0, 3);
            System.arraycopy(high, 0, box.high, 0, 3);
        }
    }

    private int mean(Box box) {
        long[] sums = new long[4];
        forEachCell(box, (cell, r, g, b) -> {
            sums[0] += red[cell];
            sums[1] += green[cell];
            sums[2] += blue[cell];
            sums[3] += counts[cell];
        });
        long n = Math.max(1, sums[3]);
        return (int) ((sums[0] + n / 2) / n) << 16 | (int) ((sums[1] + n / 2) / n) << 8 | (int) ((sums[2] + n / 2) / n);
    }

    @FunctionalInterface
    private interface CellVisitor {
        void visit(int cell, int r, int g, int b);
    }

    private static void forEachCell(Box box, CellVisitor visitor) {
        for (int r = box.low[0]; r <= box.high[0]; r++) {
            for (int g = box.low[1]; g <= box.high[1]; g++) {
                for (int b = box.low[2]; b <= box.high[2]; b++) {
                    visitor.visit(r << 10 | g << 5 | b, r, g, b);
                }
            }
        }
    }
}
