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
import io.imgorigin.serving.InfoService;
import io.imgorigin.serving.Preconditions;

/** URL in, response out: every path on the image port is an object key (SPEC sections 1 and 3). */
@RestController
public class ImageController {

    private final OptionsParser optionsParser;
    private final SignatureVerifier signatureVerifier;
    private final ImageService imageService;
    private final InfoService infoService;
    private final ImageHeaders headers;
    private final OutputFormats outputFormats;
    private final InfoJson infoJson = new InfoJson();

    public ImageController(OptionsParser optionsParser, SignatureVerifier signatureVerifier, ImageService imageService,
            InfoService infoService, ImageHeaders headers, OutputFormats outputFormats) {
        this.outputFormats = outputFormats;
        this.optionsParser = optionsParser;
        this.signatureVerifier = signatureVerifier;
        this.imageService = imageService;
        this.infoService = infoService;
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
        Preconditions preconditions = Preconditions.of(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                ifModifiedSince(request));
        if (query.info()) {
            return info(request, key, preconditions);
        }
        outputFormats.requireWritable(query.options().format());
        OutputFormat autoFormat = query.options().format() == FormatRequest.AUTO
                ? outputFormats.autoChoice(request.getHeader(HttpHeaders.ACCEPT)) : null;
        OutputFormat animatedAuto = autoFormat == null ? null
                : outputFormats.animatedAutoChoice(request.getHeader(HttpHeaders.ACCEPT));
        ImageResult result = imageService.serve(new ImageRequest(key, query.options(), autoFormat, preconditions,
                animatedAuto));
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
            case ImageResult.Described described -> throw new IllegalStateException("an image request was described");
        };
    }

    /** {@code info=true}: the source's metadata as JSON, cached and revalidated like an image (SPEC 3.1). */
    private ResponseEntity<byte[]> info(HttpServletRequest request, String key, Preconditions preconditions) {
        ImageResult result = infoService.serve(key, preconditions);
        request.setAttribute(RequestAttributes.OUTPUT_FORMAT, "json");
        return switch (result) {
            case ImageResult.NotModified notModified -> ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .headers(headers.notModified(notModified, false)).build();
            case ImageResult.Described described -> {
                byte[] body = infoJson.write(described.info());
                yield ResponseEntity.ok()
                        .headers(headers.described(described))
                        .contentType(MediaType.parseMediaType(InfoJson.MEDIA_TYPE))
                        .contentLength(body.length)
                        .body(request.getMethod().equals("HEAD") ? null : body);
            }
            case ImageResult.Rendered rendered -> throw new IllegalStateException("an info request was rendered");
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
