package dev.sluice.testkit;

import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on one {@link ReceivedRequest}: method, path, query parameters, headers and body, each
 * failing with the whole request in the message.
 *
 * <pre>{@code
 * RequestAssert.assertThat(api.request(1))
 *         .hasMethod("GET").hasPath("/items")
 *         .hasQueryParameter("cursor", "c2").hasNoQueryParameter("page")
 *         .hasHeader("Authorization", "Bearer token-1");
 * }</pre>
 */
public final class RequestAssert extends AbstractAssert<RequestAssert, ReceivedRequest> {

    private RequestAssert(ReceivedRequest actual) {
        super(actual, RequestAssert.class);
    }

    /** Assertions on {@code request}. */
    public static RequestAssert assertThat(ReceivedRequest request) {
        return new RequestAssert(request);
    }

    public RequestAssert hasMethod(String method) {
        isNotNull();
        if (!actual.method().equalsIgnoreCase(method)) {
            failWithMessage("Expected method %s but was %s", method, describe());
        }
        return this;
    }

    /** The encoded path, without the query. */
    public RequestAssert hasPath(String path) {
        isNotNull();
        if (!actual.path().equals(path)) {
            failWithMessage("Expected path %s but was %s", path, describe());
        }
        return this;
    }

    /** The path and query exactly as sent ({@code /items?page=2}). */
    public RequestAssert hasTarget(String target) {
        isNotNull();
        if (!actual.target().equals(target)) {
            failWithMessage("Expected target %s but was %s", target, describe());
        }
        return this;
    }

    /** The decoded parameter was sent with exactly these values, in this order. */
    public RequestAssert hasQueryParameter(String name, String... values) {
        isNotNull();
        List<String> sent = actual.query().get(name);
        if (sent == null || !sent.equals(List.of(values))) {
            failWithMessage("Expected query parameter %s=%s but was %s", name, List.of(values), describe());
        }
        return this;
    }

    public RequestAssert hasNoQueryParameter(String name) {
        isNotNull();
        if (actual.query().containsKey(name)) {
            failWithMessage("Expected no query parameter %s but was %s", name, describe());
        }
        return this;
    }

    /** Exactly these decoded query parameters and no other (values in any parameter order). */
    public RequestAssert hasOnlyQueryParameters(java.util.Map<String, List<String>> query) {
        isNotNull();
        Assertions.assertThat(actual.query()).as(describe()).containsExactlyInAnyOrderEntriesOf(query);
        return this;
    }

    /** The header (any case of the name) was sent with this value. */
    public RequestAssert hasHeader(String name, String value) {
        isNotNull();
        if (!value.equals(actual.header(name))) {
            failWithMessage("Expected header %s: %s but was %s", name, value, describe());
        }
        return this;
    }

    public RequestAssert hasNoHeader(String name) {
        isNotNull();
        if (actual.headers().containsKey(name.toLowerCase(Locale.ROOT))) {
            failWithMessage("Expected no header %s but was %s", name, describe());
        }
        return this;
    }

    public RequestAssert hasBody(String body) {
        isNotNull();
        if (!actual.body().equals(body)) {
            failWithMessage("Expected body%n  %s%nbut was%n  %s", body, actual.body());
        }
        return this;
    }

    private String describe() {
        return actual + " " + actual.headers();
    }
}
