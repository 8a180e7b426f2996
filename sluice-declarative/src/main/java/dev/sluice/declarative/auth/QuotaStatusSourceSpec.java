package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: QuotaStatusSource} — the endpoint telling a token's quotas (GitHub's {@code /rate_limit}). The URL
 * and header values are templates over the config; {@code unavailable_status_codes} are the statuses meaning "this
 * deployment tracks no quota" (the token's pools are then untracked), any other error fails the read.
 */
@JsonTypeName("QuotaStatusSource")
public record QuotaStatusSourceSpec(
        @JsonProperty("type") @Nullable String type,
        @JsonProperty(value = "url", required = true) String url,
        @JsonProperty("http_method") @Nullable String httpMethod,
        @JsonProperty("request_headers") @Nullable Map<String, String> requestHeaders,
        @JsonProperty("unavailable_status_codes") @Nullable List<Integer> unavailableStatusCodes) {

    public QuotaStatusSourceSpec {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url must not be empty");
        }
        if (httpMethod != null && !List.of("GET", "POST").contains(httpMethod.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("http_method must be GET or POST, got " + httpMethod);
        }
        requestHeaders = requestHeaders == null ? Map.of() : Map.copyOf(requestHeaders);
        unavailableStatusCodes = unavailableStatusCodes == null ? List.of() : List.copyOf(unavailableStatusCodes);
    }

    QuotaStatusEndpoint build(BuildContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        requestHeaders.forEach((name, value) -> headers.put(name, Credentials.evaluate(value, context, null)));
        return new QuotaStatusEndpoint(Credentials.evaluate(url, context, null),
                httpMethod == null ? "GET" : httpMethod.toUpperCase(Locale.ROOT), headers,
                Set.copyOf(unavailableStatusCodes));
    }
}
