package io.imgorigin.web;

import java.util.function.Supplier;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's HTML error report on the host, and lets
 * an encoded '/' reach the application undecoded: SPEC section 1 decodes the key exactly once, itself.
 */
public class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** A new valve for each host: a valve links to the next one in its pipeline, so it cannot be shared. */
    private final Supplier<JsonErrorReportValve> valves;

    public TomcatErrorPages(Supplier<JsonErrorReportValve> valves) {
        this.valves = valves;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // Tomcat adds its own report valve at start unless one of the configured class is already there
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                host.getPipeline().addValve(valves.get());
            }
        });
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
