package io.imgorigin.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the container's error dispatches (a request the servlet container refused, or a failure
 * outside Spring MVC) with a problem, so that no path, however malformed, gets an HTML page. It is
 * registered for ERROR dispatches only, which also means no object key is shadowed by an error page.
 */
public class ContainerErrorFilter extends OncePerRequestFilter {

    private final ProblemMapping mapping;
    private final ProblemWriter writer;

    public ContainerErrorFilter(ProblemMapping mapping, ProblemWriter writer) {
        this.mapping = mapping;
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.isCommitted()) {
            return;
        }
        Problem problem = problemFor(request);
        request.setAttribute(RequestAttributes.PROBLEM, problem);
        response.resetBuffer();
        writer.write(problem, null, response);
    }

    private Problem problemFor(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            return mapping.of(failure);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            return Problem.of(status, "method", "use GET or HEAD");
        }
        return Problem.of(status, status.is4xxClientError() ? "bad-request" : "internal",
                status.is4xxClientError() ? "the request could not be understood" : "the request could not be served");
    }
}
