package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.decoder.Decoder;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** CustomDecoder: each line of the body is one document, its values split at {@code separator} into {@code columns}. */
public final class PipeDecoder implements Decoder {

    private final String separator;
    private final List<String> columns;

    public PipeDecoder(CustomComponentContext context) {
        this.separator = context.string("separator").orElse("|");
        this.columns = context.strings("columns");
    }

    @Override
    public List<JsonNode> decode(HttpResponse response) {
        List<JsonNode> documents = new ArrayList<>();
        for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(Pattern.quote(separator), -1);
            com.fasterxml.jackson.databind.node.ObjectNode document = Json.object();
            for (int i = 0; i < columns.size() && i < values.length; i++) {
                document.put(columns.get(i), values[i]);
            }
            documents.add(document);
        }
        return documents;
    }
}
