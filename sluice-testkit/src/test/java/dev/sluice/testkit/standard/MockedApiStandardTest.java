package dev.sluice.testkit.standard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.loader.SourceLocation;
import dev.sluice.source.Config;
import dev.sluice.testkit.http.ExpectedRequest;
import dev.sluice.testkit.http.HttpMocker;
import dev.sluice.testkit.http.PageBuilder;
import dev.sluice.testkit.http.Paging;
import dev.sluice.testkit.http.RecordBuilder;
import dev.sluice.testkit.http.Reply;
import dev.sluice.testkit.http.ResponseTemplate;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standard tests of an HTTP source against the strict {@link HttpMocker}: each standard test declares the
 * requests it makes ({@link #setUpApi}), the mocker fails it on any other request and on any declared request not
 * sent, and the incremental reads get replies computed from their {@code since} parameter.
 */
class MockedApiStandardTest extends SourceStandardTests {

    private static final String KEY = "key-1";

    @RegisterExtension
    final HttpMocker http = new HttpMocker();

    private final ResponseTemplate employees = ResponseTemplate.find(getClass(), "employees");
    private final ResponseTemplate events = ResponseTemplate.find(getClass(), "events");

    @Override
    protected SourceLocation source() {
        return SourceLocation.className(PeopleApiSource.class.getName());
    }

    @Override
    protected Config config() {
        return http.config("{\"api_key\": \"" + KEY + "\"}");
    }

    @Override
    protected void setUpApi(StandardTest test) {
        switch (test) {
            case FULL_READ_MATCHES_SCHEMAS -> {
                employeePages(1);
                http.expect(ExpectedRequest.get("/v1/events").header("X-Api-Key", KEY), eventsSince(null));
            }
            case INCREMENTAL_STATE_AFTER_RECORDS -> http.expect(ExpectedRequest.get("/v1/events")
                    .header("X-Api-Key", KEY), eventsSince(null));
            case INCREMENTAL_SECOND_READ -> http.expect(ExpectedRequest.get("/v1/events").anyQuery()
                    .header("X-Api-Key", KEY)).respond(request -> eventsSince(request.queryParameter("since")))
                    .times(2);
            // resumed from the checkpoint after page 1: page 2 again; from the end: nothing
            case RESUMABLE_FULL_REFRESH -> employeePages(2);
            default -> {
                // spec, check with an invalid config and discover send no request
            }
        }
    }

    private ExpectedRequest employeeRequest() {
        return ExpectedRequest.get("/v1/employees").header("X-Api-Key", KEY);
    }

    /** Two pages of employees; the second is expected {@code secondPageCalls} times. */
    private void employeePages(int secondPageCalls) {
        http.expect(employeeRequest(), page().idAt("/id").withRecordCount(2).withNextPage("p2").build()).times(1);
        http.expect(employeeRequest().query("page_token", "p2"), page().withRecord(employees.record("/data")
                .idAt("/id").withId(3)).lastPage().build()).times(secondPageCalls);
    }

    private PageBuilder page() {
        return employees.page("/data").paging(Paging.fieldAt("/next_page_token"));
    }

    /** The events changed after {@code since} (all without it): one a day from 2024-01-01 to 2024-01-05. */
    private Reply eventsSince(@Nullable String since) {
        RecordBuilder event = events.record("/events").idAt("/id").cursorAt("/updated_at");
        List<ObjectNode> changed = IntStream.rangeClosed(1, 5)
                .mapToObj(day -> event.withId(day).withCursor("2024-01-0" + day + "T00:00:00Z").build())
                .filter(record -> since == null || record.get("updated_at").asText().compareTo(since) > 0)
                .toList();
        return changed.isEmpty() ? Reply.json("{\"events\": []}")
                : events.page("/events").withRecords(changed).build();
    }
}
