package io.imgorigin.web;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.imgorigin.processing.pipeline.ImageInfo;
import tools.jackson.databind.json.JsonMapper;

/** The body of an {@code info=true} answer, fields in SPEC section 3.1's order. */
final class InfoJson {

    static final String MEDIA_TYPE = "application/json";

    private final JsonMapper json = JsonMapper.builder().build();

    byte[] write(ImageInfo info) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("format", info.format().name().toLowerCase(Locale.ROOT));
        fields.put("width", info.width());
        fields.put("height", info.height());
        fields.put("orientation", info.orientation());
        fields.put("alpha", info.alpha());
        fields.put("frames", info.frames());
        fields.put("bytes", info.bytes());
        fields.put("dominantColor", "#" + HexFormat.of().toHexDigits(info.dominantColor()).substring(2));
        fields.put("blurhash", info.blurhash());
        return json.writeValueAsBytes(fields);
    }
}
