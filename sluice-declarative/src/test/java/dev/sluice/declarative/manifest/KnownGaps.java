package dev.sluice.declarative.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * THE list of what Sluice does not do yet of the upstream schema, in one place: {@link SchemaFieldCoverageTest} fails
 * when an entry here is stale (the type or field is now bound) and when something missing is not listed here;
 * {@link ComponentTableTest} shows the reasons in docs/declarative-components.md. When a slice merges, delete its
 * entries and update the table rows the test names.
 */
final class KnownGaps {

    private static final String DYNAMIC = "dynamic streams (issue 14, `dynamic` slice)";
    private static final String DYNAMIC_SCHEMA = "schemas from the API (issue 14, `dynschema` slice)";
    private static final String ASYNC = "asynchronous jobs (issue 14, `async` slice)";
    private static final String BUDGET = "API budgets and stream groups (issue 14, `budget` slice)";
    private static final String TOKENS = "token rotation (issue 14, `budget` slice)";

    /**
     * Upstream types a manifest cannot use: validation reports {@code unsupported component X} with path and line
     * wherever the type is written (proved by {@link SchemaFieldCoverageTest}).
     */
    static final Map<String, String> REFUSED_TYPES = ordered(
            "AsyncRetriever", ASYNC,
            "AsyncJobStatusMap", ASYNC,
            "ResponseToFileExtractor", ASYNC,
            "CheckDynamicStream", DYNAMIC,
            "ConditionalStreams", DYNAMIC,
            "DynamicSchemaLoader", DYNAMIC_SCHEMA,
            "SchemaTypeIdentifier", DYNAMIC_SCHEMA,
            "RateLimitedMultipleTokenAuthenticator", TOKENS,
            "TokenQuota", TOKENS,
            "QuotaStatusSource", TOKENS);

    /**
     * Upstream types that today sit inside a field bound as free JSON ({@link #ACCEPTED_NOT_HONOURED}): accepted
     * without validation, and honoured only as far as the reason says.
     */
    static final Map<String, String> UNVALIDATED_TYPES = ordered(
            "DynamicDeclarativeStream", "under `dynamic_streams` (free JSON): only a ConfigComponentsResolver is "
                    + "resolved, at build time; " + DYNAMIC,
            "ConfigComponentsResolver", "under `dynamic_streams` (free JSON), resolved at build time; " + DYNAMIC,
            "ComponentMappingDefinition", "under `dynamic_streams` (free JSON), applied at build time; " + DYNAMIC,
            "StreamConfig", "under `dynamic_streams` (free JSON), read at build time; " + DYNAMIC,
            "HttpComponentsResolver", "under `dynamic_streams` (free JSON), refused at build time; " + DYNAMIC,
            "ParametrizedComponentsResolver", "under `dynamic_streams` (free JSON), refused at build time; " + DYNAMIC,
            "StreamParametersDefinition", "under `dynamic_streams` (free JSON), refused at build time; " + DYNAMIC,
            "DynamicStreamCheckConfig", "under `check.dynamic_streams_check_configs` (free JSON), ignored; " + DYNAMIC,
            "HTTPAPIBudget", "under `api_budget` (free JSON), ignored; " + BUDGET,
            "FixedWindowCallRatePolicy", "under `api_budget` (free JSON), ignored; " + BUDGET,
            "MovingWindowCallRatePolicy", "under `api_budget` (free JSON), ignored; " + BUDGET,
            "UnlimitedCallRatePolicy", "under `api_budget` (free JSON), ignored; " + BUDGET,
            "BlockSimultaneousSyncsAction", "under `stream_groups` (free JSON), ignored; " + BUDGET);

    /** {@code Type.field}s bound as free JSON although they hold components, and not (fully) honoured. */
    static final Map<String, String> ACCEPTED_NOT_HONOURED = ordered(
            "DeclarativeSource.dynamic_streams", DYNAMIC,
            "CheckStream.dynamic_streams_check_configs", DYNAMIC,
            "DeclarativeSource.api_budget", BUDGET,
            "DeclarativeSource.stream_groups", BUDGET,
            "DeclarativeSource.max_concurrent_async_job_count", ASYNC);

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
