package dev.sluice.declarative.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.http.HttpRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Which requests a matcher matches. Expected values from the reference's
 * unit_tests/sources/streams/test_call_rate.py (TestHttpRequestMatcher: test_url, test_method, test_params,
 * test_header, test_combination; TestWeightBasedRateLimiting for weights), whose {@code HttpRequestMatcher(url=...)}
 * is a regex matcher on the URL's base and its escaped path.
 */
class HttpRequestRegexMatcherTest {

    private static HttpRequestRegexMatcher matcher(@Nullable String method, @Nullable String urlBase,
            @Nullable String path, Map<String, String> params, Map<String, String> headers) {
        return new HttpRequestRegexMatcher(method, urlBase, path == null ? null : Pattern.compile(path), params,
                headers, null);
    }

    private static HttpRequest request(String method, String url, Map<String, String> headers) {
        return new HttpRequest(method, URI.create(url), headers, null);
    }

    private static HttpRequest get(String url) {
        return request("GET", url, Map.of());
    }

    // test_url: HttpRequestMatcher(url="http://some_url/") has the base only (a "/" path is no pattern)
    @Test
    void url() {
        HttpRequestRegexMatcher matcher = matcher(null, "http://some_url", null, Map.of(), Map.of());
        assertThat(matcher.matches(get("http://some_wrong_url"))).isFalse();
        assertThat(matcher.matches(get("http://some_url"))).isTrue();
        assertThat(matcher.matches(get("http://some_url/"))).isTrue();
    }

    // test_method
    @Test
    void method() {
        HttpRequestRegexMatcher matcher = matcher("get", null, null, Map.of(), Map.of());
        assertThat(matcher.matches(request("POST", "http://some_url", Map.of()))).isFalse();
        assertThat(matcher.matches(get("http://some_url"))).isTrue();
    }

    // test_params: every pattern parameter present with its value; others may be present
    @Test
    void params() {
        HttpRequestRegexMatcher matcher = matcher(null, null, null, Map.of("param1", "10", "param2", "15"), Map.of());
        assertThat(matcher.matches(get("http://some_url/"))).isFalse();
        assertThat(matcher.matches(get("http://some_url/?param1=10&param3=100"))).isFalse();
        assertThat(matcher.matches(get("http://some_url/?param1=10&param2=10"))).isFalse();
        assertThat(matcher.matches(get("http://some_url/?param1=10&param2=15&param3=100"))).isTrue();
    }

    // test_header: header names compared case-insensitively
    @Test
    void headers() {
        HttpRequestRegexMatcher matcher = matcher(null, null, null, Map.of(), Map.of("Header1", "10", "header2", "15"));
        assertThat(matcher.matches(get("http://some_url"))).isFalse();
        assertThat(matcher.matches(request("GET", "http://some_url", Map.of("header1", "10", "header3", "100"))))
                .isFalse();
        assertThat(matcher.matches(request("GET", "http://some_url", Map.of("header1", "10", "header2", "10"))))
                .isFalse();
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("HEADER1", "10");
        sent.put("header2", "15");
        sent.put("header3", "100");
        assertThat(matcher.matches(request("GET", "http://some_url", sent))).isTrue();
    }

    // test_combination
    @Test
    void combination() {
        HttpRequestRegexMatcher matcher = matcher("GET", "http://some_url", null, Map.of("param2", "test"),
                Map.of("header1", "10"));
        assertThat(matcher.matches(request("GET", "http://some_url?param2=test", Map.of("header1", "10")))).isTrue();
        assertThat(matcher.matches(request("GET", "http://some_url", Map.of("header1", "10")))).isFalse();
        assertThat(matcher.matches(get("http://some_url"))).isFalse();
    }

    // test_http_request_matching: HttpRequestMatcher(url="http://domain/api/users") is an escaped path searched
    @Test
    void pathPatternIsSearchedInThePathWithoutItsTrailingSlash() {
        HttpRequestRegexMatcher users = matcher("GET", "http://domain", Pattern.quote("/api/users"), Map.of(),
                Map.of());
        assertThat(users.matches(get("http://domain/api/users"))).isTrue();
        assertThat(users.matches(get("http://domain/api/users/?page=2"))).isTrue();
        assertThat(users.matches(get("http://domain/api/groups"))).isFalse();
        HttpRequestRegexMatcher anchored = matcher(null, null, "^/api/users$", Map.of(), Map.of());
        assertThat(anchored.matches(get("http://domain/api/users/"))).isTrue();
        assertThat(anchored.matches(get("http://domain/api/users/1"))).isFalse();
    }

    // TestWeightBasedRateLimiting: test_matcher_rejects_zero_weight, test_matcher_rejects_negative_weight
    @Test
    void weightMustBeAtLeastOne() {
        assertThatThrownBy(() -> new HttpRequestRegexMatcher(null, null, null, Map.of(), Map.of(), 0))
                .hasMessage("weight must be >= 1, got 0");
        assertThatThrownBy(() -> new HttpRequestRegexMatcher(null, null, null, Map.of(), Map.of(), -5))
                .hasMessage("weight must be >= 1, got -5");
    }

    // TestWeightBasedRateLimiting: test_policy_get_weight_returns_matcher_weight, ..._defaults_to_1
    @Test
    void aPolicyCostsTheWeightOfItsFirstMatchingMatcher() {
        RequestMatchers matchers = new RequestMatchers(java.util.List.of(
                new HttpRequestRegexMatcher(null, null, Pattern.compile("/api/expensive"), Map.of(), Map.of(), 120),
                new HttpRequestRegexMatcher(null, null, Pattern.compile("/api/cheap"), Map.of(), Map.of(), null)));
        assertThat(matchers.weight(get("https://example.com/api/expensive"))).isEqualTo(120);
        assertThat(matchers.weight(get("https://example.com/api/cheap"))).isEqualTo(1);
        assertThat(matchers.weight(get("https://example.com/api/other"))).isEqualTo(1);
    }
}
