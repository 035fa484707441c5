package io.imgorigin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ImgoriginApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImgoriginApplication.class, args);
    }
}
