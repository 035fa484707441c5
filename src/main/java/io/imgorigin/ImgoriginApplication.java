package io.imgorigin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring Boot's error controller is left out: it would own {@code /error}, shadowing that key, and
 * render errors its own way. Errors are problems instead: from the controller advice for failures
 * while serving, and from {@code JsonErrorReportValve} for everything the container itself refuses.
 */
@SpringBootApplication(excludeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConfigurationPropertiesScan
public class ImgoriginApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImgoriginApplication.class, args);
    }
}
