package dev.sluice.examples.demo.api;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault for the next {@code times} requests that match: same path, and every listed query parameter present
 * with exactly the listed value (other parameters may be there too). {@code page=1} does not match a request
 * that leaves {@code page} out, even though the API treats both alike.
 *
 * @param path the request path, exactly ({@code /employees})
 * @param query parameters the request must carry, by name
 * @param fault what to do to matching requests
 * @param times how many matching requests get the fault, or {@link #ALWAYS}
 */
public record FaultRule(String path, Map<String, String> query, Fault fault, int times) {

    public static final int ALWAYS = -1;

    public FaultRule {
        requireNonNull(path, "path is null");
        requireNonNull(fault, "fault is null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (times != ALWAYS && times < 1) {
            throw new IllegalArgumentException("times must be at least 1, or ALWAYS: " + times);
        }
        query = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(query, "query is null")));
    }

    /**
     * A rule for a target written as a path with an optional query, {@code /employees?page=8}; values are
     * percent-decoded, and a parameter may appear once.
     */
    public static FaultRule of(String target, Fault fault, int times) {
        int question = target.indexOf('?');
        Map<String, String> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (Map.Entry<String, List<String>> parameter
                    : QueryString.parse(target.substring(question + 1)).entrySet()) {
                if (parameter.getValue().size() > 1) {
                    throw new IllegalArgumentException("query parameter repeated in " + target);
                }
                query.put(parameter.getKey(), parameter.getValue().get(0));
            }
        }
        return new FaultRule(question < 0 ? target : target.substring(0, question), query, fault, times);
    }

    boolean matches(RecordedRequest request) {
        if (!request.path().equals(path)) {
            return false;
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (!request.query().getOrDefault(parameter.getKey(), List.of()).contains(parameter.getValue())) {
                return false;
            }
        }
        return true;
    }

    FaultRule withTimes(int remaining) {
        return new FaultRule(path, query, fault, remaining);
    }
}
