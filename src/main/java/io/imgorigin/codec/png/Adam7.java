package io.imgorigin.codec.png;

/** Which columns each of the seven passes of an Adam7-interlaced PNG holds (passes counted from 0). */
public final class Adam7 {

    private Adam7() {
    }

    public static boolean holdsColumn(int pass, int column) {
        int first = switch (pass) {
            case 1 -> 4;
            case 3 -> 2;
            case 5 -> 1;
            default -> 0;
        };
        int step = switch (pass) {
            case 0, 1 -> 8;
            case 2, 3 -> 4;
            case 4, 5 -> 2;
            default -> 1;
        };
        return column >= first && (column - first) % step == 0;
    }
}
