package io.imgorigin.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's HTML error report on the host, and lets
 * an encoded '/' reach the application undecoded: SPEC section 1 decodes the key exactly once, itself.
 */
public class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ProblemWriter writer;

    public TomcatErrorPages(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                JsonErrorReportValve valve = new JsonErrorReportValve(writer.cacheControl(org.springframework.http.HttpStatus.BAD_REQUEST));
                // Tomcat adds its own report valve at start unless one of the configured class is already there
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                host.getPipeline().addValve(valve);
            }
        });
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
