package io.imgorigin.codec.svg;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.DomDocument;
import com.github.weisj.jsvg.parser.ElementLoader;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.XMLInput;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.ViewBox;

/**
 * Renders an SVG document with JSVG straight at the size asked for, as a vector: the document's intrinsic
 * W×H is mapped onto the target (stretched when the target's aspect differs), so nothing is ever rasterised
 * at one size and resampled to another.
 *
 * <p>Nothing outside the document is ever read: a document with a DOCTYPE or an entity declaration is
 * refused before any XML parser sees it ({@link SvgProlog}); the StAX parser it then goes to supports no
 * DTD and resolves no external entity (its resolver refuses); JSVG's resource policy denies every
 * {@code href} of an {@code <image>} (such images are left out, data: URIs included, so no embedded bitmap
 * escapes the pixel limits either), and its element loader resolves only references into the document
 * itself ({@code #id}), never another file. JSVG runs no script and loads no font.
 */
public final class SvgRenderer {

    /** How the codec names itself (see {@link io.imgorigin.codec.NativeCodec#codecName()}). */
    public static final String CODEC_NAME = "jsvg";

    private static final URI DOCUMENT_URI = URI.create("urn:imgorigin:svg");

    private static final LoaderContext CONTEXT = LoaderContext.builder()
            .externalResourcePolicy(ResourcePolicy.DENY_ALL)
            .resourceLoader((document, uri) -> {
                throw new java.io.IOException("imgorigin loads no resource of an SVG (" + uri + ")");
            })
            .elementLoader(new LocalElements())
            .documentLimits(DocumentLimits.DEFAULT)
            .build();

    static {
        // JSVG logs every parse error of a damaged document with its stack trace; the refusal says enough.
        Logger.getLogger("com.github.weisj.jsvg").setLevel(Level.OFF);
    }

    private SvgRenderer() {
    }

    /**
     * @param source          the document's bytes, recognised by {@link SvgProlog#of}
     * @param intrinsicWidth  the document's W, as the probe read it
     * @param intrinsicHeight the document's H
     * @param width           the rendered image's width
     * @param height          the rendered image's height
     * @return a TYPE_INT_ARGB image of {@code width}×{@code height}, transparent where nothing is drawn
     */
    public static BufferedImage render(byte[] source, int intrinsicWidth, int intrinsicHeight, int width, int height)
            throws SvgException {
        SvgProlog prolog = SvgProlog.of(source).orElseThrow(() -> new SvgException("not an SVG document"));
        if (prolog.declaresDtd()) {
            throw new SvgException("an SVG with a DOCTYPE or an entity declaration is refused");
        }
        SVGDocument document;
        try {
            document = new SVGLoader().load(input(fromFirstTag(prolog.text())), DOCUMENT_URI, CONTEXT);
        } catch (RuntimeException e) {
            throw new SvgException("the SVG document could not be parsed: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new SvgException("the SVG document nests too deeply", e);
        }
        if (document == null) {
            throw new SvgException("the SVG document could not be parsed");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.scale((double) width / intrinsicWidth, (double) height / intrinsicHeight);
            g.clipRect(0, 0, intrinsicWidth, intrinsicHeight);
            document.render(null, g, new ViewBox(0, 0, intrinsicWidth, intrinsicHeight));
        } catch (RuntimeException e) {
            throw new SvgException("the SVG document could not be rendered: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new SvgException("the SVG document nests too deeply to render", e);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The text from its first {@code <}: the BOM and whitespace the probe lets pass are no XML before a declaration. */
    private static String fromFirstTag(String text) {
        int start = text.indexOf('<');
        return start <= 0 ? text : text.substring(start);
    }

    /** A StAX reader of the text that knows no DTD and resolves no entity. */
    private static XMLInput input(String text) {
        return () -> {
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
                throw new XMLStreamException("imgorigin resolves no external entity (" + systemId + ")");
            });
            return factory.createXMLEventReader(new StringReader(text));
        };
    }

    /**
     * Resolves {@code #id}, {@code url(#id)} and a bare id within the document, as JSVG's own loader does, but
     * never a reference into another file ({@code other.svg#id}), which is null: the element is left out.
     */
    private static final class LocalElements implements ElementLoader {

        @Override
        public <T> T loadElement(Class<T> type, String value, DomDocument document) {
            return local(value).map(id -> document.getElementById(type, id)).orElse(null);
        }

        static Optional<String> local(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String reference = value.trim();
            if (reference.startsWith("url(") && reference.endsWith(")")) {
                reference = reference.substring(4, reference.length() - 1).trim();
                if (reference.length() >= 2 && (reference.charAt(0) == '"' || reference.charAt(0) == '\'')
                        && reference.charAt(reference.length() - 1) == reference.charAt(0)) {
                    reference = reference.substring(1, reference.length() - 1);
                }
            }
            int hash = reference.indexOf('#');
            if (hash > 0) {
                return Optional.empty();
            }
            String id = hash == 0 ? reference.substring(1) : reference;
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        }
    }
}
