package io.imgorigin.codec.jpeg;

/** The JPEG marker codes (the byte after the 0xFF prefix) that the walkers and readers tell apart. */
public final class JpegMarker {

    public static final int PREFIX = 0xFF;
    /** Not a marker: a 0xFF data byte of entropy-coded data, followed by a stuffed zero. */
    public static final int STUFFED_ZERO = 0x00;
    public static final int TEM = 0x01;
    public static final int SOF0_BASELINE = 0xC0;
    public static final int SOF2_PROGRESSIVE = 0xC2;
    public static final int DHT = 0xC4;
    public static final int JPG = 0xC8;
    public static final int SOF9_ARITHMETIC = 0xC9;
    public static final int SOF10_ARITHMETIC_PROGRESSIVE = 0xCA;
    public static final int DAC = 0xCC;
    public static final int SOF15 = 0xCF;
    public static final int RST0 = 0xD0;
    public static final int RST7 = 0xD7;
    public static final int SOI = 0xD8;
    public static final int EOI = 0xD9;
    public static final int SOS = 0xDA;
    public static final int APP1 = 0xE1;
    public static final int APP2 = 0xE2;

    private JpegMarker() {
    }

    /** SOF0 to SOF15: the codes of 0xC0..0xCF that are not DHT, JPG or DAC. */
    public static boolean isStartOfFrame(int marker) {
        return marker >= SOF0_BASELINE && marker <= SOF15 && marker != DHT && marker != JPG && marker != DAC;
    }

    /** TEM, the restart markers and EOI carry no length and no segment (SOI is read apart, as the opening). */
    public static boolean standsAlone(int marker) {
        return marker == TEM || marker >= RST0 && marker <= RST7 || marker == EOI;
    }
}
