package io.imgorigin.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure raised while serving a request becomes a problem response, never a stack trace. */
@RestControllerAdvice
public class ProblemAdvice {

    private final ProblemMapping mapping;
    private final ProblemWriter writer;

    public ProblemAdvice(ProblemMapping mapping, ProblemWriter writer) {
        this.mapping = mapping;
        this.writer = writer;
    }

    @ExceptionHandler(Throwable.class)
    public void handle(Throwable failure, HttpServletResponse response) throws IOException {
        writer.write(mapping.of(failure), response);
    }
}
