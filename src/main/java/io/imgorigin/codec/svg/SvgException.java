package io.imgorigin.codec.svg;

import java.io.IOException;

/** An SVG document that is refused (a DOCTYPE, an entity) or that JSVG cannot read. */
public final class SvgException extends IOException {

    SvgException(String message) {
        super(message);
    }

    SvgException(String message, Throwable cause) {
        super(message, cause);
    }
}
