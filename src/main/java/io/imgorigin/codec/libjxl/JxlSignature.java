package io.imgorigin.codec.libjxl;

/** The two ways a JPEG XL file starts: a bare codestream, or the ISO BMFF container's signature box. */
public final class JxlSignature {

    static final byte[] CODESTREAM = {(byte) 0xFF, 0x0A};
    static final byte[] CONTAINER = {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A};

    private JxlSignature() {
    }

    /** Whether the bytes start as a JPEG XL codestream or container. */
    public static boolean matches(byte[] data) {
        return startsWith(data, CODESTREAM) || startsWith(data, CONTAINER);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
