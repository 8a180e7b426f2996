package dev.sluice.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;

/**
 * The speed limit of the bench read: what a hand-written loop with no framework achieves on the same pages.
 * It fetches each page with the JDK client, parses it with Jackson, adds the same field as the bench manifest's
 * {@code AddFields} ({@code first_name + " " + last_name}) and writes the same RECORD lines.
 *
 * <p>Usage: {@code Ceiling <base url> <output file>}.
 */
public final class Ceiling {

    private Ceiling() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String base = args[0];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long records = 0;
        try (OutputStream file = new BufferedOutputStream(new FileOutputStream(args[1]), 1 << 16);
                JsonGenerator out = Json.MAPPER.getFactory().createGenerator(file)) {
            out.setRootValueSeparator(null);
            long page = 1;
            while (page > 0) {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/records?page=" + page)).build(), HttpResponse.BodyHandlers.ofByteArray());
                JsonNode body = Json.MAPPER.readTree(response.body());
                for (JsonNode node : body.get("data")) {
                    ObjectNode record = (ObjectNode) node;
                    record.put("full_name", record.get("first_name").asText() + " " + record.get("last_name").asText());
                    write(out, record, System.currentTimeMillis());
                    records++;
                }
                JsonNode next = body.get("next_page");
                page = next == null || next.isNull() ? 0 : next.asLong();
            }
        }
        System.err.println("ceiling: " + records + " records");
    }

    private static void write(JsonGenerator out, ObjectNode record, long emittedAt) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "RECORD");
        out.writeFieldName("record");
        out.writeStartObject();
        out.writeStringField("stream", "records");
        out.writeFieldName("data");
        out.writeStartObject();
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.writeFieldName(field.getKey());
            value(out, field.getValue());
        }
        out.writeEndObject();
        out.writeNumberField("emitted_at", emittedAt);
        out.writeEndObject();
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /** Writes a value straight to the generator: no serializer provider per value, as a hand-written loop would. */
    private static void value(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    out.writeFieldName(field.getKey());
                    value(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    value(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                if (node.isInt()) {
                    out.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    out.writeNumber(node.longValue());
                } else if (node.isDouble()) {
                    out.writeNumber(node.doubleValue());
                } else {
                    out.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            default -> out.writeNull();
        }
    }
}
