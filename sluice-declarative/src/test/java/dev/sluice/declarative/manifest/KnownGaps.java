package dev.sluice.declarative.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * THE list of what Sluice does not do yet of the upstream schema, in one place (empty since issue 14: every type is
 * implemented; kept so that a type a newer schema adds is refused deliberately, with its reason, not by accident): {@link SchemaFieldCoverageTest} fails
 * when an entry here is stale (the type or field is now bound) and when something missing is not listed here;
 * {@link ComponentTableTest} shows the reasons in docs/declarative-components.md. When a slice merges, delete its
 * entries and update the table rows the test names.
 */
final class KnownGaps {

    /**
     * Upstream types a manifest cannot use: validation reports {@code unsupported component X} with path and line
     * wherever the type is written (proved by {@link SchemaFieldCoverageTest}).
     */
    static final Map<String, String> REFUSED_TYPES = ordered();

    /**
     * Upstream types that today sit inside a field bound as free JSON ({@link #ACCEPTED_NOT_HONOURED}): accepted
     * without validation, and honoured only as far as the reason says.
     */
    static final Map<String, String> UNVALIDATED_TYPES = ordered();

    /** {@code Type.field}s bound as free JSON although they hold components, and not (fully) honoured. */
    static final Map<String, String> ACCEPTED_NOT_HONOURED = ordered();

    private KnownGaps() {
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
