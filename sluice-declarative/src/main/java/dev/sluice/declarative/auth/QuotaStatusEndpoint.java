package dev.sluice.declarative.auth;

import java.util.Map;
import java.util.Set;

/** A bound {@code QuotaStatusSource}: the URL, method and headers of the status request, all evaluated. */
record QuotaStatusEndpoint(String url, String method, Map<String, String> headers, Set<Integer> unavailableStatuses) {

    QuotaStatusEndpoint {
        headers = Map.copyOf(headers);
        unavailableStatuses = Set.copyOf(unavailableStatuses);
    }
}
