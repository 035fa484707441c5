package io.imgorigin.codec.turbojpeg;

import java.nio.ByteOrder;

/** Values from libjpeg-turbo's turbojpeg.h (2.x API) that this package passes to or reads from the library. */
final class TurboJpegConstants {

    static final int TJPF_BGR = 1;
    static final int TJPF_BGRX = 3;
    static final int TJPF_XRGB = 5;
    static final int TJPF_GRAY = 6;

    /** Four bytes per pixel whose native-order int is 0xXXRRGGBB, the layout of TYPE_INT_RGB. */
    static final int TJPF_INT_RGB = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? TJPF_BGRX : TJPF_XRGB;

    static final int TJSAMP_420 = 2;
    static final int TJSAMP_GRAY = 3;

    static final int TJCS_GRAY = 2;
    static final int TJCS_CMYK = 3;
    static final int TJCS_YCCK = 4;

    static final int TJFLAG_ACCURATEDCT = 4096;
    static final int TJFLAG_PROGRESSIVE = 16384;

    static final int TJERR_WARNING = 0;
    /** libjpeg's JWRN_EXTRANEOUS_DATA: bytes between the end of a scan's data and the next marker. */
    static final String STRAY_BYTES_WARNING = "extraneous bytes before marker";

    private TurboJpegConstants() {
    }
}
