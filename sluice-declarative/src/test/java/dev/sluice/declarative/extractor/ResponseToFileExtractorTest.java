package dev.sluice.declarative.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The file extractor on its own. Expected values follow the reference's extractors/response_to_file_extractor.py
 * (pandas {@code read_csv(dtype=object)}, default NA words to null, {@code preserve_na_values}) and its
 * unit_tests/sources/declarative/extractors/test_response_to_file_extractor.py (compressed and plain bodies,
 * NUL bytes dropped).
 */
class ResponseToFileExtractorTest {

    private static final HttpResponse HEAD = head("text/csv");

    private static HttpResponse head(String contentType) {
        return new HttpResponse(HttpRequest.get(URI.create("http://localhost/file")), 200,
                ResponseHeaders.of(Map.of("content-type", List.of(contentType))), new byte[0]);
    }

    private static List<String> rows(ResponseToFileExtractor extractor, HttpResponse head, byte[] body)
            throws IOException {
        ResponseToFileExtractor.SavedBody saved = extractor.save(head, new ByteArrayInputStream(body));
        List<String> rows = new ArrayList<>();
        extractor.readRows(saved, row -> rows.add(row.toString()));
        assertThat(saved.file()).doesNotExist();
        return rows;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] zlib(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gzipZlibAndPlainBodiesGiveTheSameRows() throws IOException {
        byte[] csv = utf8("a,b\n1,x\n2,y\n");
        ResponseToFileExtractor extractor = new ResponseToFileExtractor(false);
        List<String> expected = List.of("{\"a\":\"1\",\"b\":\"x\"}", "{\"a\":\"2\",\"b\":\"y\"}");

        assertThat(rows(extractor, HEAD, csv)).isEqualTo(expected);
        assertThat(rows(extractor, HEAD, gzip(csv))).isEqualTo(expected);
        assertThat(rows(extractor, HEAD, zlib(csv))).isEqualTo(expected);
    }

    @Test
    void pandasMissingValueWordsAndEmptyCellsAreNullUnlessPreserved() throws IOException {
        byte[] csv = utf8("a,b,c,d,e\nNA,N/A,,null,NaN\nnone,None,x,\"NA\",-\n");

        assertThat(rows(new ResponseToFileExtractor(false), HEAD, csv)).containsExactly(
                "{\"a\":null,\"b\":null,\"c\":null,\"d\":null,\"e\":null}",
                "{\"a\":\"none\",\"b\":null,\"c\":\"x\",\"d\":null,\"e\":\"-\"}");
        assertThat(rows(new ResponseToFileExtractor(true), HEAD, csv)).containsExactly(
                "{\"a\":\"NA\",\"b\":\"N/A\",\"c\":null,\"d\":\"null\",\"e\":\"NaN\"}",
                "{\"a\":\"none\",\"b\":\"None\",\"c\":\"x\",\"d\":\"NA\",\"e\":\"-\"}");
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        byte[] csv = utf8("id,text\r\n1,\"a, b\"\r\n\r\n2,\"say \"\"hi\"\"\nthen go\"\r\n3\n");

        assertThat(rows(new ResponseToFileExtractor(false), HEAD, csv)).containsExactly(
                "{\"id\":\"1\",\"text\":\"a, b\"}",
                "{\"id\":\"2\",\"text\":\"say \\\"hi\\\"\\nthen go\"}",
                "{\"id\":\"3\",\"text\":null}");
    }

    @Test
    void nulBytesOfAPlainBodyAreDropped() throws IOException {
        byte[] csv = utf8("a\u0000,b\n1,\u00002\n");

        assertThat(rows(new ResponseToFileExtractor(false), HEAD, csv)).containsExactly("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void theCharsetOfTheContentTypeIsUsed() throws IOException {
        byte[] csv = "name\nJosé\n".getBytes(Charset.forName("ISO-8859-1"));

        assertThat(rows(new ResponseToFileExtractor(false), head("text/csv; charset=ISO-8859-1"), csv))
                .containsExactly("{\"name\":\"José\"}");
    }

    @Test
    void anEmptyBodyHasNoRowsAndRepeatedNamesAreNumbered() throws IOException {
        assertThat(rows(new ResponseToFileExtractor(false), HEAD, new byte[0])).isEmpty();
        assertThat(rows(new ResponseToFileExtractor(false), HEAD, utf8("a,a,\n1,2,3\n")))
                .containsExactly("{\"a\":\"1\",\"a.1\":\"2\",\"Unnamed: 2\":\"3\"}");
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderFailsNamingItsLineAndTheFileIsDeleted() throws IOException {
        ResponseToFileExtractor extractor = new ResponseToFileExtractor(false);
        ResponseToFileExtractor.SavedBody saved = extractor.save(HEAD,
                new ByteArrayInputStream(utf8("a,b\n1,2\n3,4,5\n")));
        List<ObjectNode> rows = new ArrayList<>();

        assertThatThrownBy(() -> extractor.readRows(saved, rows::add))
                .hasMessageContaining("expected 2 fields in line 3, saw 3");
        assertThat(rows).hasSize(1);
        assertThat(Files.exists(saved.file())).isFalse();
    }
}
