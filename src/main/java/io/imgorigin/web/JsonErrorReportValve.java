package io.imgorigin.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Replaces Tomcat's HTML error page for errors the container itself sends (malformed request lines,
 * over-long headers, invalid percent-encoding, TRACE, failures outside Spring MVC) with the same
 * problem response the controller advice writes.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private final ProblemMapping mapping;
    private final ProblemWriter writer;

    public JsonErrorReportValve(ProblemMapping mapping, ProblemWriter writer) {
        this.mapping = mapping;
        this.writer = writer;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // As in Tomcat's own valve: only errors sent with sendError and not yet reported, so that a
        // problem the advice wrote (with setStatus) is left alone.
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            writer.write(mapping.ofContainerStatus(status), response);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is already gone; nothing more can be told to the client
        }
    }
}
