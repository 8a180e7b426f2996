package dev.sluice.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import org.junit.jupiter.api.Test;

/** Templates from test resources, pages and records built from them, and the paging helpers. */
class ResponseTemplateTest {

    private final ResponseTemplate employees = ResponseTemplate.find(ResponseTemplateTest.class, "employees");

    private static JsonNode body(Reply reply) throws Exception {
        return Json.parse(reply.body());
    }

    @Test
    void aTemplateIsFoundBesideTheTestClassAndRepliedAsItIs() throws Exception {
        Reply reply = employees.reply();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(body(reply).at("/data/0/name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aMissingTemplateNamesWhereItWasLookedFor() {
        assertThatThrownBy(() -> ResponseTemplate.find(ResponseTemplateTest.class, "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no response template nope: looked for dev/sluice/testkit/http/http/response/nope.json "
                        + "and /http/response/nope.json in the test resources");
    }

    @Test
    void aPageHoldsTheRecordsGivenWithNumberedIdsItsCountAndANextPageToken() throws Exception {
        Reply reply = employees.page("/data").paging(Paging.fieldAt("/meta/next_page_token")).idAt("/id")
                .withRecordCount(3).countAt("/meta/count").withNextPage("p2").build();

        JsonNode body = body(reply);
        assertThat(body.at("/data").findValuesAsText("name")).containsExactly("Ada Lovelace", "Ada Lovelace",
                "Ada Lovelace");
        assertThat(body.at("/data").findValues("id")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
        assertThat(body.at("/meta/count").asInt()).isEqualTo(3);
        assertThat(body.at("/meta/next_page_token").asText()).isEqualTo("p2");
    }

    @Test
    void theLastPageHasNoNextToken() throws Exception {
        Reply reply = employees.page("/data").paging(Paging.fieldAt("/meta/next_page_token"))
                .withRecord(employees.record("/data").idAt("/id").withId(9)).lastPage().build();

        assertThat(body(reply).at("/meta/next_page_token").isNull()).isTrue();
        assertThat(body(reply).at("/data/0/id").asInt()).isEqualTo(9);
    }

    @Test
    void recordsTakeIdsCursorsAndFields() {
        RecordBuilder record = employees.record("/data").idAt("/id").cursorAt("/updated_at");

        assertThat(Json.write(record.withId(7).withCursor("2024-05-01T00:00:00Z").withField("/address/city", "Paris")
                .build())).isEqualTo("{\"id\":7,\"name\":\"Ada Lovelace\",\"updated_at\":\"2024-05-01T00:00:00Z\","
                        + "\"address\":{\"city\":\"Paris\"}}");
        assertThatThrownBy(() -> record.idAt("/missing")).hasMessageContaining("the id pointer /missing is not in "
                + "the template's record");
        assertThatThrownBy(() -> employees.record("/data").withCursor("x")).hasMessageContaining(
                "declare it with cursorAt(...) first");
    }

    @Test
    void aLinkHeaderCarriesTheNextPage() {
        Reply next = employees.page("/data").paging(Paging.linkHeader()).withNextPage("http://127.0.0.1:1/e?page=2")
                .build();
        Reply last = employees.page("/data").paging(Paging.linkHeader()).lastPage().build();

        assertThat(next.headers()).containsEntry("Link", "<http://127.0.0.1:1/e?page=2>; rel=\"next\"");
        assertThat(last.headers()).doesNotContainKey("Link");
    }

    @Test
    void aNumberedPageIsANumber() throws Exception {
        Reply reply = employees.page("/data").paging(Paging.numberAt("/meta/next_page")).withNextPage("3").build();

        assertThat(body(reply).at("/meta/next_page").isInt() || body(reply).at("/meta/next_page").isLong()).isTrue();
        assertThat(body(reply).at("/meta/next_page").asInt()).isEqualTo(3);
    }

    @Test
    void anArrayTemplateTakesTheRootAsItsRecords() throws Exception {
        ResponseTemplate tags = ResponseTemplate.find(ResponseTemplateTest.class, "tags");

        Reply reply = tags.page("").withRecord(Json.object().put("tag", "red")).build();

        assertThat(Json.write(body(reply))).isEqualTo("[{\"tag\":\"red\"}]");
        assertThatThrownBy(() -> tags.page("").countAt("/count").build()).hasMessageContaining(
                "needs a JSON object response");
    }

    @Test
    void aRecordsPointerThatIsNoArrayIsRefused() {
        assertThatThrownBy(() -> employees.page("/meta")).hasMessageContaining("the records pointer \"/meta\" of")
                .hasMessageContaining("is not an array but OBJECT");
    }

    @Test
    void pagingMarksNeedAStrategy() {
        assertThatThrownBy(() -> employees.page("/data").withNextPage("p2").build())
                .hasMessageContaining("need a paging(...) strategy first");
    }
}
