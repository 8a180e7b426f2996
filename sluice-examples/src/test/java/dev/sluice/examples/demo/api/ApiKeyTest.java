package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyTest extends DemoApiTestCase {

    private static final String KEY = "s3cr3t-demo-key";

    @Override
    protected DemoApiOptions options() {
        return DemoApiOptions.defaults().withApiKey(KEY);
    }

    @Test
    void dataEndpointsRefuseRequestsWithoutTheKey() throws Exception {
        for (String path : new String[] {"/employees", "/employee_benefits", "/time_off_requests"}) {
            HttpResponse<String> response = client.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"invalid api key\"}");
        }
    }

    @Test
    void aWrongKeyIsRefusedWithoutEchoingEitherKey() throws Exception {
        HttpResponse<String> byHeader = client.send(client.request("/employees").header("X-Api-Key", "guess-123"));
        HttpResponse<String> byQuery = client.get("/employees?api_key=guess-456");

        for (HttpResponse<String> response : List.of(byHeader, byQuery)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"invalid api key\"}");
            assertThat(response.headers().map().toString()).doesNotContain("guess", KEY);
        }
    }

    @Test
    void theKeyWorksAsHeaderOrQueryParameter() throws Exception {
        HttpResponse<String> byHeader = client.send(client.request("/employees").header("X-Api-Key", KEY));
        HttpResponse<String> byQuery = client.get("/employees?page=2&api_key=" + KEY);

        assertThat(byHeader.statusCode()).isEqualTo(200);
        assertThat(byQuery.statusCode()).isEqualTo(200);
        assertThat(byHeader.body()).doesNotContain(KEY);
    }

    @Test
    void healthAndAdminNeedNoKey() throws Exception {
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/_admin/requests").statusCode()).isEqualTo(200);
    }

    @Test
    void theRequestLogKeepsWhatWasSentSoTestsCanCheckIt() throws Exception {
        client.send(client.request("/employees").header("X-Api-Key", KEY));

        assertThat(api.requests().last()).hasValueSatisfying(request ->
                assertThat(request.header("x-api-key")).hasValue(KEY));
    }

    @Test
    void optionsDoNotPrintTheKey() {
        assertThat(api.options().toString()).doesNotContain(KEY).contains("apiKey=****");
        assertThat(DemoApiOptions.defaults().toString()).contains("apiKey=none");
    }
}
