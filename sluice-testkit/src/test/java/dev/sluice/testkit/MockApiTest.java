package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MockApiTest {

    @RegisterExtension
    final MockApi api = new MockApi();

    @Test
    void aRouteAnswersInTurnAndRepeatsItsLastResponse() {
        api.on("GET", "/items").json("{\"page\": 1}").json(503, "{\"error\": \"busy\"}");

        List<HttpResponse<String>> responses = List.of(Http.get(api.url("/items")), Http.get(api.url("/items?x=1")),
                Http.get(api.url("/items")));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 503, 503);
        assertThat(responses.get(0).body()).isEqualTo("{\"page\": 1}");
        assertThat(responses.get(0).headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(api.targets()).containsExactly("GET /items", "GET /items?x=1", "GET /items");
    }

    @Test
    void routesMatchMethodAndPathNotTheQuery() {
        api.on("GET", "/a", MockApi.json("\"get a\"")).on("POST", "/a", MockApi.json("\"post a\""));

        assertThat(Http.get(api.url("/a?page=3")).body()).isEqualTo("\"get a\"");
        assertThat(Http.post(api.url("/a"), "{}").body()).isEqualTo("\"post a\"");
        assertThat(Http.get(api.url("/b")).statusCode()).isEqualTo(404);
    }

    @Test
    void aHandlerReadsTheRequest() {
        api.on("GET", "/echo", request -> MockApi.json("\"" + request.getUrl().queryParameter("q") + "\""));

        assertThat(Http.get(api.url("/echo?q=hello")).body()).isEqualTo("\"hello\"");
    }

    @Test
    void unroutedRequestsTakeTheQueueThenGetA404NamingTheTarget() {
        api.enqueueJson("{\"first\": true}").enqueue(new MockResponse.Builder().code(204).build());

        assertThat(Http.get(api.url("/anything")).body()).isEqualTo("{\"first\": true}");
        assertThat(Http.get(api.url("/else")).statusCode()).isEqualTo(204);
        HttpResponse<String> last = Http.get(api.url("/missing?x=1"));
        assertThat(last.statusCode()).isEqualTo(404);
        assertThat(last.body()).contains("no route for /missing?x=1");
    }

    @Test
    void otherwiseAnswersWhatNoRouteOrQueuedResponseTakes() {
        api.on("GET", "/routed", MockApi.json("\"routed\"")).enqueueJson("\"queued\"")
                .otherwise(request -> MockApi.json(202, "\"" + request.getUrl().encodedPath() + "\""));

        assertThat(Http.get(api.url("/x")).body()).isEqualTo("\"queued\"");
        assertThat(Http.get(api.url("/y")).body()).isEqualTo("\"/y\"");
        assertThat(Http.get(api.url("/routed")).body()).isEqualTo("\"routed\"");
        assertThat(api.requestCount()).isEqualTo(3);
    }

    @Test
    void recordsPathDecodedQueryHeadersAndBody() {
        api.on("POST", "/search", MockApi.json("{}"));

        Http.post(api.url("/search?token=a%2Fb&tag=x&tag=y&empty"), "{\"q\": 1}", "X-Account", "acme",
                "Content-Type", "application/json");

        ReceivedRequest request = api.request(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/search?token=a%2Fb&tag=x&tag=y&empty");
        assertThat(request.path()).isEqualTo("/search");
        assertThat(request.query()).containsExactly(Map.entry("token", List.of("a/b")),
                Map.entry("tag", List.of("x", "y")), Map.entry("empty", List.of("")));
        assertThat(request.queryParameter("tag")).isEqualTo("x");
        assertThat(request.queryParameter("absent")).isNull();
        assertThat(request.headers()).containsEntry("x-account", "acme");
        assertThat(request.header("X-ACCOUNT")).isEqualTo("acme");
        assertThat(request.body()).isEqualTo("{\"q\": 1}");
        assertThat(request).hasToString("POST /search?token=a%2Fb&tag=x&tag=y&empty");
    }

    @Test
    void requestAssertPassesOnWhatWasSentAndFailsOnAnythingElse() {
        Http.get(api.url("/items?cursor=c2"), "Authorization", "Bearer t1");
        ReceivedRequest request = api.request(0);

        RequestAssert.assertThat(request).hasMethod("GET").hasPath("/items").hasTarget("/items?cursor=c2")
                .hasQueryParameter("cursor", "c2").hasNoQueryParameter("page")
                .hasOnlyQueryParameters(Map.of("cursor", List.of("c2")))
                .hasHeader("authorization", "Bearer t1").hasNoHeader("X-Api-Key").hasBody("");

        assertThatThrownBy(() -> RequestAssert.assertThat(request).hasQueryParameter("cursor", "c3"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cursor=[c3]")
                .hasMessageContaining("GET /items?cursor=c2");
        assertThatThrownBy(() -> RequestAssert.assertThat(request).hasPath("/other"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> RequestAssert.assertThat(request).hasHeader("Authorization", "Bearer t2"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> RequestAssert.assertThat(request).hasNoQueryParameter("cursor"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> RequestAssert.assertThat(request).hasMethod("POST"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aRouteNeverRequestedFailsTheCheck() {
        api.on("GET", "/used", MockApi.json("{}")).on("GET", "/forgotten", MockApi.json("{}"));
        Http.get(api.url("/used"));

        assertThatThrownBy(api::assertEveryRouteCalled).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("routes never requested: [GET /forgotten]");

        Http.get(api.url("/forgotten"));
        api.assertEveryRouteCalled();
    }

    @Test
    void aMissingRequestFailsNamingWhatWasReceived() {
        Http.get(api.url("/only"));

        assertThatThrownBy(() -> api.request(1)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /only");
    }

    @Test
    void theConfigCarriesTheBaseUrl() {
        assertThat(api.url()).startsWith("http://").doesNotEndWith("/");
        assertThat(api.config().requireString("base_url")).isEqualTo(api.url());
        assertThat(api.config("{\"api_key\": \"k\", \"page_size\": 2}").json())
                .hasToString("{\"base_url\":\"" + api.url() + "\",\"api_key\":\"k\",\"page_size\":2}");
        assertThat(api.configWithUrlAt("api", "{}").requireString("api")).isEqualTo(api.url());
        assertThatThrownBy(() -> api.config("[1]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsRoutesAndRequests() {
        api.on("GET", "/items", MockApi.json("{}"));
        Http.get(api.url("/items"));

        api.reset();

        assertThat(api.requests()).isEmpty();
        assertThat(Http.get(api.url("/items")).statusCode()).isEqualTo(404);
    }
}
