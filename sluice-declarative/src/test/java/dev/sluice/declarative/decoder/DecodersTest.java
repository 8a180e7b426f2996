package dev.sluice.declarative.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.RecordException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases of the reference's {@code test_json_decoder.py}, {@code test_composite_decoder.py} and zip tests. */
class DecodersTest {

    private static final String PEOPLE = "id,name,age\r\n1,John,28\r\n2,Alice,34\r\n3,Bob,25\r\n";
    private static final String PEOPLE_JSON = "[{\"id\": \"1\", \"name\": \"John\", \"age\": \"28\"}, "
            + "{\"id\": \"2\", \"name\": \"Alice\", \"age\": \"34\"}, {\"id\": \"3\", \"name\": \"Bob\", \"age\": \"25\"}]";

    private static void assertDocuments(List<JsonNode> documents, String expected) {
        dev.sluice.declarative.fixtures.JsonAssertions.assertJson(Json.MAPPER.valueToTree(documents), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty body | '' | []",
        "empty array | [] | []",
        "object | {\"healthcheck\": {\"status\": \"ok\"}} | [{\"healthcheck\": {\"status\": \"ok\"}}]",
        "top-level array is one document per element | [{\"id\": \"1\"}, {\"id\": \"2\"}] | [{\"id\": \"1\"}, {\"id\": \"2\"}]",
        "int128 | {\"id\": 170141183460469231731687303715884105727} | [{\"id\": 170141183460469231731687303715884105727}]",
    })
    void jsonDecoder(String name, String body, String expected) {
        assertDocuments(Responses.decode("{type: JsonDecoder}", body), expected);
    }

    @Test
    void malformedJsonIsATransientError() {
        assertThatThrownBy(() -> Responses.decode("{type: JsonDecoder}", "{\"a\": "))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty | '' | []",
        "one line | {\"id\": 1, \"name\": \"test1\"} | [{\"id\": 1, \"name\": \"test1\"}]",
        "two lines and a blank one | '{\"id\": 1}\n\n{\"id\": 2}\n' | [{\"id\": 1}, {\"id\": 2}]",
        "escaped newline inside a value | '{\"t\": \"a\\nb\"}' | [{\"t\": \"a\\nb\"}]",
    })
    void jsonlDecoder(String name, String body, String expected) {
        assertDocuments(Responses.decode("{type: JsonlDecoder}", body), expected);
    }

    @Test
    void iterableDecoderWrapsEachLine() {
        assertDocuments(Responses.decode("{type: IterableDecoder}", "user1@example.com\r\n\nuser2@example.com\n"),
                "[{\"record\": \"user1@example.com\"}, {\"record\": \"\"}, {\"record\": \"user2@example.com\"}]");
        assertThat(Responses.decode("{type: IterableDecoder}", "")).isEmpty();
    }

    /** The YAML as written (a double-quoted scalar) and the delimiter it means. */
    static Stream<Arguments> delimiters() {
        return Stream.of(Arguments.of("\",\"", ','), Arguments.of("\";\"", ';'),
                Arguments.of("\"\\\\t\"", '\t'), Arguments.of("\"\\t\"", '\t'));
    }

    @ParameterizedTest(name = "delimiter {0}")
    @MethodSource("delimiters")
    void csvDecoderDelimiters(String yamlScalar, char delimiter) {
        assertDocuments(Responses.decode("{type: CsvDecoder, delimiter: " + yamlScalar + "}",
                PEOPLE.replace(',', delimiter)), PEOPLE_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "utf", "iso-8859-1", "latin-1"})
    void csvDecoderEncodings(String encoding) {
        byte[] body = "id,name\n1,Zoë\n".getBytes(encoding.startsWith("utf") ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1);

        assertDocuments(Responses.decode("{type: CsvDecoder, encoding: " + encoding + "}", Responses.of(body, Map.of())),
                "[{\"id\": \"1\", \"name\": \"Zoë\"}]");
    }

    @Test
    void csvDecoderSetsValuesToNone() {
        assertDocuments(Responses.decode("{type: CsvDecoder, set_values_to_none: ['', '--']}", "a,b,c\n1,,--\n"),
                "[{\"a\": \"1\", \"b\": null, \"c\": null}]");
        assertDocuments(Responses.decode("{type: CsvDecoder}", "a,b,c\n1,,--\n"),
                "[{\"a\": \"1\", \"b\": \"\", \"c\": \"--\"}]");
    }

    @Test
    void csvDecoderFollowsPythonsCsvModule() {
        String body = "name,note,extra\n\"Joan \"\"the bone\"\", Anne\",\"line1\nline2\"\n\nshort\n";

        assertDocuments(Responses.decode("{type: CsvDecoder}", body),
                "[{\"name\": \"Joan \\\"the bone\\\", Anne\", \"note\": \"line1\\nline2\", \"extra\": null},"
                        + " {\"name\": \"short\", \"note\": null, \"extra\": null}]");
        assertDocuments(Responses.decode("{type: CsvDecoder}", "col1,col2\nval1,val2"),
                "[{\"col1\": \"val1\", \"col2\": \"val2\"}]");
    }

    @Test
    void csvDecoderRefusesUnknownEncodingsAndLongDelimiters() {
        assertThatThrownBy(() -> Components.bind("{type: CsvDecoder, encoding: klingon}", DecoderSpec.class))
                .isInstanceOf(ManifestException.class).hasMessageContaining("unknown encoding 'klingon'");
        assertThatThrownBy(() -> Components.bind("{type: CsvDecoder, delimiter: ';;'}", DecoderSpec.class))
                .isInstanceOf(ManifestException.class).hasMessageContaining("delimiter must be one character");
    }

    @Test
    void gzipDecoderGunzipsOrPassesThrough() throws IOException {
        String yaml = "{type: GzipDecoder, decoder: {type: CsvDecoder}}";

        assertDocuments(Responses.decode(yaml, Responses.of(gzip(PEOPLE.getBytes(StandardCharsets.UTF_8)), Map.of())),
                PEOPLE_JSON);
        assertDocuments(Responses.decode(yaml, PEOPLE), PEOPLE_JSON);
        assertThat(Responses.decode(yaml, "")).isEmpty();
    }

    @Test
    void gzipDecoderUnwrapsTransportEncodingAroundAGzipFile() throws IOException {
        byte[] twice = gzip(gzip("{\"id\": 1}\n{\"id\": 2}\n".getBytes(StandardCharsets.UTF_8)));
        String yaml = "{type: GzipDecoder, decoder: {type: JsonlDecoder}}";

        assertDocuments(Responses.decode(yaml, Responses.of(twice, Map.of("Content-Encoding", List.of("gzip")))),
                "[{\"id\": 1}, {\"id\": 2}]");
        assertThatThrownBy(() -> Responses.decode(yaml, Responses.of(twice, Map.of())))
                .as("without the header only one layer is removed").isInstanceOf(RecordException.class);
    }

    @Test
    void gzipDecoderWithJsonInside() throws IOException {
        byte[] body = gzip("[{\"id\": 1}, {\"id\": 2}]".getBytes(StandardCharsets.UTF_8));

        assertDocuments(Responses.decode("{type: GzipDecoder, decoder: {type: JsonDecoder}}", Responses.of(body, Map.of())),
                "[{\"id\": 1}, {\"id\": 2}]");
    }

    @Test
    void gzipDecoderRefusesDecodersThatCannotBeNested() {
        assertThatThrownBy(() -> Components.bind("{type: GzipDecoder, decoder: {type: XmlDecoder}}", DecoderSpec.class))
                .isInstanceOf(ManifestException.class).hasMessageContaining("XmlDecoder");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nested array | data.users | {\"data\": {\"users\": [{\"id\": 1}, {\"id\": 2}], \"other\": [3]}, \"x\": 1}"
                + " | [{\"id\": 1}, {\"id\": 2}]",
        "arrays on the way | data.item.rows | {\"data\": [{\"rows\": [1, 2]}, {\"rows\": [3]}]} | [1, 2, 3]",
        "missing path | data.users | {\"data\": {}} | []",
        "not an array | data | {\"data\": {\"a\": 1}} | []",
    })
    void jsonItemsDecoder(String name, String path, String body, String expected) {
        assertDocuments(Responses.decode("{type: JsonItemsDecoder, items_path: " + path + "}", body), expected);
    }

    @Test
    void jsonItemsDecoderWithAnotherEncoding() {
        byte[] body = "{\"rows\": [{\"name\": \"Zoë\"}]}".getBytes(StandardCharsets.ISO_8859_1);

        assertDocuments(Responses.decode("{type: JsonItemsDecoder, items_path: rows, encoding: iso-8859-1}",
                Responses.of(body, Map.of())), "[{\"name\": \"Zoë\"}]");
    }

    @Test
    void zipfileDecoderDecodesEveryFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("a.jsonl"));
            zip.write("{\"id\": 1}\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("b.jsonl"));
            zip.write(gzip("{\"id\": 2}\n{\"id\": 3}\n".getBytes(StandardCharsets.UTF_8)));
        }
        String yaml = "{type: ZipfileDecoder, decoder: {type: GzipDecoder, decoder: {type: JsonlDecoder}}}";

        assertDocuments(Responses.decode(yaml, Responses.of(bytes.toByteArray(), Map.of())),
                "[{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]");
    }

    @Test
    void zipfileDecoderRefusesOtherBodies() {
        assertThatThrownBy(() -> Responses.decode("{type: ZipfileDecoder, decoder: {type: JsonDecoder}}", "{\"a\": 1}"))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR))
                .hasMessageContaining("invalid zip file");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
