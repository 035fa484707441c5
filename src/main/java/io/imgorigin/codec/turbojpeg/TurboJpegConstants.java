package io.imgorigin.codec.turbojpeg;

/** Values from libjpeg-turbo's turbojpeg.h (2.x API) that this package passes to or reads from the library. */
final class TurboJpegConstants {

    static final int TJPF_BGR = 1;
    static final int TJPF_BGRX = 3;
    static final int TJPF_XRGB = 5;
    static final int TJPF_GRAY = 6;

    static final int TJSAMP_420 = 2;
    static final int TJSAMP_GRAY = 3;

    static final int TJCS_GRAY = 2;
    static final int TJCS_CMYK = 3;
    static final int TJCS_YCCK = 4;

    static final int TJFLAG_ACCURATEDCT = 4096;
    static final int TJFLAG_PROGRESSIVE = 16384;

    static final int TJERR_WARNING = 0;

    /** Size of the library's per-handle error message buffer (JMSG_LENGTH_MAX). */
    static final int ERROR_MESSAGE_CAPACITY = 200;

    private TurboJpegConstants() {
    }
}
