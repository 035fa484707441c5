package io.imgorigin.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.options.ParsedQuery;
import io.imgorigin.processing.format.OutputFormats;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.security.SignatureVerifier;
import io.imgorigin.serving.ImageRequest;
import io.imgorigin.serving.ImageResult;
import io.imgorigin.serving.ImageService;
import io.imgorigin.serving.Preconditions;

/** URL in, response out: every path on the image port is an object key (SPEC sections 1 and 3). */
@RestController
public class ImageController {

    private final OptionsParser optionsParser;
    private final SignatureVerifier signatureVerifier;
    private final ImageService imageService;
    private final ImageHeaders headers;
    private final OutputFormats outputFormats;

    public ImageController(OptionsParser optionsParser, SignatureVerifier signatureVerifier, ImageService imageService,
            ImageHeaders headers, OutputFormats outputFormats) {
        this.outputFormats = outputFormats;
        this.optionsParser = optionsParser;
        this.signatureVerifier = signatureVerifier;
        this.imageService = imageService;
        this.headers = headers;
    }

    /** Every method is mapped here, so that all but GET and HEAD get the same 405 problem. */
    @RequestMapping(path = "/**", method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE})
    public ResponseEntity<byte[]> image(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new MethodNotAllowedException(method);
        }
        String rawPath = request.getRequestURI();
        String key = ObjectKey.fromRawPath(rawPath);
        ParsedQuery query = optionsParser.parse(request.getQueryString());
        signatureVerifier.verify(rawPath, query.signedPairs(), query.signature());
        outputFormats.requireWritable(query.options().format());
        OutputFormat autoFormat = query.options().format() == FormatRequest.AUTO
                ? outputFormats.autoChoice(request.getHeader(HttpHeaders.ACCEPT)) : null;
        Preconditions preconditions = Preconditions.of(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                ifModifiedSince(request));
        ImageResult result = imageService.serve(new ImageRequest(key, query.options(), autoFormat, preconditions));
        boolean auto = query.options().format() == FormatRequest.AUTO;
        return switch (result) {
            case ImageResult.NotModified notModified -> ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .headers(headers.notModified(notModified, auto)).build();
            case ImageResult.Rendered rendered -> {
                request.setAttribute(RequestAttributes.OUTPUT_FORMAT, rendered.image().format());
                yield ResponseEntity.ok()
                        .headers(headers.rendered(rendered, auto))
                        .contentType(MediaType.parseMediaType(rendered.image().format().mediaType()))
                        .contentLength(rendered.image().bytes().length)
                        .body(method.equals("HEAD") ? null : rendered.image().bytes());
            }
        };
    }

    private static Instant ifModifiedSince(HttpServletRequest request) {
        try {
            long millis = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return millis < 0 ? null : Instant.ofEpochMilli(millis);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
