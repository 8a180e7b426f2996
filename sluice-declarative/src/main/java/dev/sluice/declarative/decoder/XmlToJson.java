package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.RecordException;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * {@code xmltodict.parse} with its defaults, on the JDK's StAX parser configured so that hostile XML can do no
 * harm: no namespace processing (names stay as written, as with {@code xmltodict}), no DTD processing, no
 * external entities, and a document that declares entities is refused ({@code xmltodict} refuses those too).
 */
final class XmlToJson {

    private static final XMLInputFactory FACTORY = factory();

    /** One open element: its attributes and children so far ({@code item}) and its own text. */
    private static final class Frame {
        final String name;
        @Nullable ObjectNode item;
        final StringBuilder text = new StringBuilder();

        Frame(String name, @Nullable ObjectNode item) {
            this.name = name;
            this.item = item;
        }
    }

    private XmlToJson() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are disabled");
        });
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, String value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException unsupported) {
            // Not every StAX implementation knows the JAXP 1.5 properties; the ones above already forbid access.
        }
    }

    /** The document as one JSON object, or no document for an empty body. */
    static List<JsonNode> parse(byte[] body, String source) {
        if (isBlank(body)) {
            return List.of();
        }
        Frame top = new Frame("", null);
        Deque<Frame> open = new ArrayDeque<>();
        open.push(top);
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> open.push(start(reader));
                    case XMLStreamConstants.END_ELEMENT -> end(open);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            open.peek().text.append(reader.getText());
                    case XMLStreamConstants.DTD -> refuseEntities(reader.getText(), source);
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            throw Undecodable.error(source, "not valid XML (" + e.getMessage() + ")", e);
        } finally {
            close(reader);
        }
        return top.item == null ? List.of() : List.of(top.item);
    }

    private static Frame start(XMLStreamReader reader) {
        ObjectNode attributes = null;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (attributes == null) {
                attributes = Json.object();
            }
            attributes.put("@" + name(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                    reader.getAttributeValue(i));
        }
        return new Frame(name(reader.getPrefix(), reader.getLocalName()), attributes);
    }

    private static String name(@Nullable String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static void end(Deque<Frame> open) {
        Frame closed = open.pop();
        Frame parent = open.peek();
        String text = closed.text.toString().strip();
        if (closed.item != null) {
            if (!text.isEmpty()) {
                push(closed.item, "#text", Json.nodes().textNode(text));
            }
            parent.item = push(parent.item, closed.name, closed.item);
        } else {
            parent.item = push(parent.item, closed.name,
                    text.isEmpty() ? Json.nodes().nullNode() : Json.nodes().textNode(text));
        }
    }

    /** xmltodict's {@code push_data}: a repeated key turns into a list of its values. */
    private static ObjectNode push(@Nullable ObjectNode item, String key, JsonNode value) {
        ObjectNode target = item == null ? Json.object() : item;
        JsonNode existing = target.get(key);
        if (existing == null) {
            target.set(key, value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            target.set(key, Json.nodes().arrayNode().add(existing).add(value));
        }
        return target;
    }

    private static void refuseEntities(String dtd, String source) {
        if (dtd.contains("<!ENTITY")) {
            throw new RecordException(FailureType.SYSTEM_ERROR, "Cannot decode " + source
                    + ": XML entity declarations are disabled", null);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void close(@Nullable XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing was opened that needs releasing.
            }
        }
    }
}
