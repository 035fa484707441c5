package io.imgorigin.options;

/** A request option (or the key) that cannot be honoured: answered 400. */
public class InvalidOptionException extends RuntimeException {

    private final String option;

    public InvalidOptionException(String option, String detail) {
        super(detail);
        this.option = option;
    }

    public String option() {
        return option;
    }
}
