package io.imgorigin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's HTML error page for requests it refuses before any application code runs
 * (malformed request lines, invalid percent-encoding, paths that escape the root): the client still
 * gets an {@code application/problem+json} body with the Cache-Control of SPEC section 3.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private final String clientErrorCacheControl;

    public JsonErrorReportValve(String clientErrorCacheControl) {
        this.clientErrorCacheControl = clientErrorCacheControl;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        boolean client = status < 500;
        String body = "{\"type\":\"urn:imgorigin:problem:" + (client ? "bad-request" : "internal")
                + "\",\"title\":\"" + reason(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + (client ? "the request could not be understood" : "the request could not be served")
                + "\"}";
        try {
            response.setContentType(ProblemWriter.MEDIA_TYPE);
            response.setHeader("Cache-Control", client ? clientErrorCacheControl : "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (status == 405) {
                response.setHeader("Allow", "GET, HEAD");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is already gone; nothing more can be told to the client
        }
    }

    private static String reason(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
