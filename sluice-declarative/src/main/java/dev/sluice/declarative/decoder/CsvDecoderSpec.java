package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: CsvDecoder} — a CSV body whose first row names the columns; every other non-blank row is a
 * record of strings (missing trailing values are null). {@code encoding} (default {@code utf-8}) and
 * {@code delimiter} (default {@code ,}; escapes such as {@code \t} are understood) describe the text, and
 * values listed in {@code set_values_to_none} become null.
 * <pre>{@code decoder: {type: CsvDecoder, delimiter: "\\t", set_values_to_none: ["", "N/A"]}}</pre>
 */
@JsonTypeName("CsvDecoder")
public record CsvDecoderSpec(
        @JsonProperty("encoding") @Nullable String encoding,
        @JsonProperty("delimiter") @Nullable String delimiter,
        @JsonProperty("set_values_to_none") @Nullable List<String> setValuesToNone,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DecoderSpec, NestedDecoderSpec {

    private static final Logger log = LoggerFactory.getLogger(CsvDecoderSpec.class);

    public CsvDecoderSpec {
        setValuesToNone = setValuesToNone == null ? List.of() : List.copyOf(setValuesToNone);
        Charsets.forName(encoding == null ? "utf-8" : encoding);
        if (Escapes.unescape(delimiter == null ? "," : delimiter).length() != 1) {
            throw new IllegalArgumentException("delimiter must be one character, got '" + delimiter + "'");
        }
    }

    @Override
    public Decoder build(BuildContext context) {
        return Undecodable.of(parser(context));
    }

    @Override
    public BodyParser parser(BuildContext context) {
        String charsetName = encoding == null ? "utf-8" : encoding;
        Charset charset = Charsets.forName(charsetName);
        char separator = Escapes.unescape(delimiter == null ? "," : delimiter).charAt(0);
        Set<String> nulls = Set.copyOf(setValuesToNone);
        return (body, source) -> {
            String text = Charsets.decode(body, charset, charsetName, source).replace("\r\n", "\n").replace('\r', '\n');
            List<List<String>> rows = CsvRows.parse(text, separator);
            List<JsonNode> records = new ArrayList<>(Math.max(0, rows.size() - 1));
            if (rows.isEmpty()) {
                return records;
            }
            List<String> header = rows.get(0);
            for (List<String> row : rows.subList(1, rows.size())) {
                if (!row.isEmpty()) {
                    records.add(record(header, row, nulls, source));
                }
            }
            return records;
        };
    }

    private static ObjectNode record(List<String> header, List<String> row, Set<String> nulls, String source) {
        ObjectNode record = Json.object();
        for (int i = 0; i < header.size(); i++) {
            String value = i < row.size() ? row.get(i) : null;
            if (value == null || nulls.contains(value)) {
                record.putNull(header.get(i));
            } else {
                record.put(header.get(i), value);
            }
        }
        if (row.size() > header.size()) {
            // Python's DictReader keeps them under the key None, which no JSON record can hold.
            log.warn("Dropping {} values without a column name in a row of {}", row.size() - header.size(), source);
        }
        return record;
    }
}
