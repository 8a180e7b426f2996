package dev.sluice.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mocker's matching, replies and verification, over real HTTP on loopback (started and verified by hand). */
class HttpMockerTest {

    private final HttpMocker http = new HttpMocker();

    @BeforeEach
    void start() {
        http.start();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void anExpectedRequestGetsItsRepliesInTurnAndTheLastRepeats() {
        http.expect(ExpectedRequest.get("/items"), Reply.json("{\"page\": 1}"), Reply.json("{\"page\": 2}"));

        assertThat(Client.get(http.url("/items")).body()).isEqualTo("{\"page\": 1}");
        assertThat(Client.get(http.url("/items")).body()).isEqualTo("{\"page\": 2}");
        assertThat(Client.get(http.url("/items")).body()).isEqualTo("{\"page\": 2}");
        http.verify();
    }

    @Test
    void theQueryMustMatchExactlyByDefault() {
        http.expect(ExpectedRequest.get("/items?page=2"), Reply.json("{}"));

        HttpResponse<String> response = Client.get(http.url("/items?page=2&limit=10"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("matched no expected request");
        assertThatThrownBy(http::verify).isInstanceOf(AssertionError.class).hasMessageContaining(
                "GET /items?page=2&limit=10 matched no expected request; closest: GET /items?page=2: "
                        + "query parameter limit=10 was not expected")
                .hasMessageContaining("GET /items?page=2: expected at least 1 call but it was never sent");
    }

    @Test
    void theClosestExpectedRequestIsNamedWithHowItDiffers() {
        http.expect(ExpectedRequest.post("/token"), Reply.json("{}"));
        http.expect(ExpectedRequest.get("/items").query("page", "2").header("X-Key", "k"), Reply.json("{}"));

        Client.get(http.url("/items?page=3"), "X-Key", "other");

        assertThatThrownBy(http::verify).hasMessageContaining("GET /items?page=3 matched no expected request; "
                + "closest: GET /items?page=2 headers {x-key=k}: query parameter page: expected 2 but was 3; "
                + "header x-key: expected k but was other");
    }

    @Test
    void otherQueryParametersCanBeAllowedOrTheQueryIgnored() {
        http.expect(ExpectedRequest.get("/items").query("since", "2024-01-01").allowOtherQuery(), Reply.json("[]"));
        http.expect(ExpectedRequest.get("/tags").anyQuery(), Reply.json("[]"));

        assertThat(Client.get(http.url("/items?limit=5&since=2024-01-01")).statusCode()).isEqualTo(200);
        assertThat(Client.get(http.url("/items?limit=5")).statusCode()).isEqualTo(404);
        assertThat(Client.get(http.url("/tags?x=1&y=2")).statusCode()).isEqualTo(200);
        assertThatThrownBy(http::verify).hasMessageContaining("GET /items?limit=5 matched no expected request; "
                + "closest: GET /items?since=2024-01-01 (other query allowed): query parameter since: expected "
                + "2024-01-01 but it was not sent");
    }

    @Test
    void aHeaderNotSentIsADifference() {
        http.expect(ExpectedRequest.get("/items").header("Authorization", "Bearer t"), Reply.json("[]"));

        assertThat(Client.get(http.url("/items"), "Authorization", "Bearer t", "X-Other", "1").statusCode())
                .isEqualTo(200);
        assertThat(Client.get(http.url("/items")).statusCode()).isEqualTo(404);
        assertThatThrownBy(http::verify).hasMessageContaining("header authorization: expected Bearer t but it was "
                + "not sent");
    }

    @Test
    void bodiesMatchAsJsonAsFormOrAsText() {
        http.expect(ExpectedRequest.post("/search").jsonBody("{\"filter\": {\"a\": 1, \"b\": [1, 2]}}"),
                Reply.json("{\"kind\": \"json\"}"));
        http.expect(ExpectedRequest.post("/token").formBody("grant_type", "refresh_token")
                .formBody("refresh_token", "r 1"), Reply.json("{\"kind\": \"form\"}"));
        http.expect(ExpectedRequest.post("/raw").textBody("hello"), Reply.json("{\"kind\": \"text\"}"));

        assertThat(Client.post(http.url("/search"), "{\"filter\":{\"b\":[1,2],\"a\":1}}").body()).contains("json");
        assertThat(Client.post(http.url("/token"), "refresh_token=r+1&grant_type=refresh_token").body())
                .contains("form");
        assertThat(Client.post(http.url("/raw"), "hello").body()).contains("text");
        assertThat(Client.post(http.url("/search"), "{\"filter\":{\"a\":2}}").statusCode()).isEqualTo(404);
        assertThatThrownBy(http::verify).hasMessageContaining("closest: POST /search body "
                + "{\"filter\":{\"a\":1,\"b\":[1,2]}}: body: expected JSON {\"filter\":{\"a\":1,\"b\":[1,2]}} but was "
                + "{\"filter\":{\"a\":2}}");
    }

    @Test
    void aReplyCanBeComputedFromTheRequest() {
        http.expect(ExpectedRequest.get("/events").anyQuery()).respond(request -> Reply.json(
                "{\"since\": \"" + request.queryParameter("since") + "\"}"));

        assertThat(Client.get(http.url("/events?since=2024-03-01")).body()).isEqualTo("{\"since\": \"2024-03-01\"}");
        http.verify();
    }

    @Test
    void aRequestSentFewerTimesThanRepliesDeclaredFailsVerification() {
        http.expect(ExpectedRequest.get("/items"), Reply.json("{\"page\": 1}"), Reply.json("{\"page\": 2}"));
        http.expect(ExpectedRequest.get("/never"), Reply.json("{}"));

        Client.get(http.url("/items"));

        assertThatThrownBy(http::verify)
                .hasMessageContaining("GET /items: expected at least 2 calls but got 1")
                .hasMessageContaining("GET /never: expected at least 1 call but it was never sent")
                .hasMessageContaining("requests received: [GET /items]");
    }

    @Test
    void timesMakesTheCountExactAndAFurtherRequestUnexpected() {
        http.expect(ExpectedRequest.get("/ping"), Reply.json("{}")).times(2);

        assertThat(Client.get(http.url("/ping")).statusCode()).isEqualTo(200);
        assertThat(Client.get(http.url("/ping")).statusCode()).isEqualTo(200);
        assertThat(Client.get(http.url("/ping")).statusCode()).isEqualTo(404);
        assertThatThrownBy(http::verify).hasMessageContaining("GET /ping matched no expected request; closest: "
                + "GET /ping: it was already sent the 2 times declared");
    }

    @Test
    void aRequestWithNothingDeclaredSaysSo() {
        Client.get(http.url("/items"));

        assertThatThrownBy(http::verify).hasMessageContaining("GET /items matched no expected request: none was "
                + "declared");
    }

    @Test
    void theFirstDeclaredMatchAnswersAndRepliesKeepTheirHeaders() {
        http.expect(ExpectedRequest.get("/items").anyQuery(), Reply.json(429, "{}").withHeader("Retry-After", "3"));
        http.expect(ExpectedRequest.get("/items?page=1"), Reply.json("{}"));

        HttpResponse<String> response = Client.get(http.url("/items?page=1"));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThatThrownBy(http::verify).hasMessageContaining("GET /items?page=1: expected at least 1 call but it "
                + "was never sent");
    }

    @Test
    void aComputedReplyThatThrowsFailsVerification() {
        http.expect(ExpectedRequest.get("/events").anyQuery()).respond(request -> {
            throw new IllegalStateException("no since");
        });

        assertThat(Client.get(http.url("/events")).statusCode()).isEqualTo(500);
        assertThatThrownBy(http::verify).hasMessageContaining("the reply to GET /events threw "
                + "java.lang.IllegalStateException: no since");
    }
}
