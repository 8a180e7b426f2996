package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.RecordException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: JsonlDecoder} — one JSON document per line; blank lines are skipped.
 * <pre>{@code decoder: {type: JsonlDecoder}}</pre>
 */
@JsonTypeName("JsonlDecoder")
public record JsonlDecoderSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DecoderSpec {

    @Override
    public Decoder build(BuildContext context) {
        return response -> {
            List<JsonNode> documents = new ArrayList<>();
            int lineNumber = 0;
            for (String line : response.bodyText().split("\n")) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    documents.add(Json.parse(line));
                } catch (JsonProcessingException e) {
                    throw new RecordException(FailureType.TRANSIENT_ERROR, "Line " + lineNumber + " of the response to "
                            + response.request().describe() + " is not valid JSON: " + e.getOriginalMessage(), e);
                }
            }
            return documents;
        };
    }
}
