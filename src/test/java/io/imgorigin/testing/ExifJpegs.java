package io.imgorigin.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** JPEGs with an EXIF block made in code: an orientation tag and, as cameras write it, a JPEG preview in IFD1. */
public final class ExifJpegs {

    private ExifJpegs() {
    }

    /** {@code jpeg} with an APP1 EXIF block after its SOI that holds {@code orientation} and the preview. */
    public static byte[] withPreview(byte[] jpeg, int orientation, byte[] preview) {
        int ifd1 = 8 + 2 + 12 + 4;
        int previewAt = ifd1 + 2 + 2 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(previewAt + preview.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(ifd1);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0201).putShort((short) 4).putInt(1).putInt(previewAt);
        tiff.putShort((short) 0x0202).putShort((short) 4).putInt(1).putInt(preview.length);
        tiff.putInt(0);
        tiff.put(preview);
        byte[] body = tiff.array();
        int length = 2 + 6 + body.length;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("the preview does not fit in an APP1 segment");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
