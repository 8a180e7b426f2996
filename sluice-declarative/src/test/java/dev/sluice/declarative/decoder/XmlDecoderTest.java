package dev.sluice.declarative.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.RecordException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's {@code test_xml_decoder.py} table, xmltodict's shapes, and hostile documents. */
class XmlDecoderTest {

    private static final String XML = "{type: XmlDecoder}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one element | <item name=\"item_1\"></item> | {\"item\": {\"@name\": \"item_1\"}}",
        "repeated elements | <data><item name=\"item_1\">Item 1</item><item name=\"item_2\">Item 2</item></data>"
                + " | {\"data\": {\"item\": [{\"@name\": \"item_1\", \"#text\": \"Item 1\"}, {\"@name\": \"item_2\", \"#text\": \"Item 2\"}]}}",
        "namespace prefixes kept | <item xmlns:ns=\"https://airbyte.io\"><ns:id>1</ns:id><ns:name>Item 1</ns:name></item>"
                + " | {\"item\": {\"@xmlns:ns\": \"https://airbyte.io\", \"ns:id\": \"1\", \"ns:name\": \"Item 1\"}}",
        "text only | <a> hello </a> | {\"a\": \"hello\"}",
        "empty element | <a><b/><c></c></a> | {\"a\": {\"b\": null, \"c\": null}}",
        "repeats grouped in first-seen order | <r><a>1</a><b>2</b><a>3</a></r> | {\"r\": {\"a\": [\"1\", \"3\"], \"b\": \"2\"}}",
        "text beside children | <r>x<a>1</a>y</r> | {\"r\": {\"a\": \"1\", \"#text\": \"xy\"}}",
        "entities and CDATA | <r><a>&lt;b&gt; &amp; &#65;</a><b><![CDATA[<raw>]]></b></r>"
                + " | {\"r\": {\"a\": \"<b> & A\", \"b\": \"<raw>\"}}",
        "declaration and comments | <?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- c --><r><a>1</a></r> | {\"r\": {\"a\": \"1\"}}",
    })
    void decodesAsXmltodict(String name, String body, String expected) {
        List<JsonNode> documents = Responses.decode(XML, body);

        assertThat(documents).hasSize(1);
        JsonAssertions.assertJson(documents.get(0), expected);
    }

    @Test
    void anEmptyBodyIsNoDocument() {
        assertThat(Responses.decode(XML, "")).isEmpty();
    }

    @Test
    void malformedXmlIsATransientError() {
        // The reference logs it and reads no records; Sluice retries, as for malformed JSON.
        assertThatThrownBy(() -> Responses.decode(XML, "<item name=\"item_1\">"))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR))
                .hasMessageContaining("not valid XML");
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path directory) throws Exception {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<r>&xxe;</r>";

        assertThatThrownBy(() -> Responses.decode(XML, body))
                .isInstanceOf(RecordException.class)
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void entityExpansionIsRefused() {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<r>&c;</r>";

        assertThatThrownBy(() -> Responses.decode(XML, body))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("entity declarations are disabled");
    }

    @Test
    void externalDtdIsNotFetched(@TempDir Path directory) throws Exception {
        Path dtd = directory.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"LEAKED\">");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"" + dtd.toUri() + "\"><r>ok</r>";

        List<JsonNode> documents = Responses.decode(XML, body);

        JsonAssertions.assertJson(documents.get(0), "{\"r\": \"ok\"}");
    }
}
