package io.imgorigin.options;

/** A configured preset that could never be served: the service does not start with it. */
public class InvalidPresetException extends RuntimeException {

    private final String preset;

    public InvalidPresetException(String preset, String detail) {
        super("imgorigin.presets." + preset + ": " + detail);
        this.preset = preset;
    }

    public String preset() {
        return preset;
    }
}
