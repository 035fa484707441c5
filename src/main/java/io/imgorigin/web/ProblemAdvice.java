package io.imgorigin.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
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
    public ResponseEntity<byte[]> handle(Throwable failure, HttpServletRequest request) {
        Problem problem = mapping.of(failure);
        ResponseEntity<byte[]> entity = writer.entity(problem, null);
        if (request.getMethod().equals("HEAD")) {
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders()).build();
        }
        return entity;
    }
}
