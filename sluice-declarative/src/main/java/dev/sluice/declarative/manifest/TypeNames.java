package dev.sluice.declarative.manifest;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Problems about {@code type} values: a name Sluice implements elsewhere but not in this slot, a name of
 * the upstream catalog that Sluice does not implement yet ("unsupported component X"), or an unknown name
 * with the nearest known one as a suggestion.
 */
final class TypeNames {

    /**
     * Every {@code type} value of the upstream component catalog (declarative_component_schema.yaml); a
     * test keeps this list equal to the schema's. Names only: the schema itself is not part of Sluice.
     */
    static final Set<String> UPSTREAM = Set.of(
            "AddFields", "AddedFieldDefinition", "ApiKey", "ApiKeyAuthenticator", "AsyncJobStatusMap",
            "AsyncRetriever", "BasicHttpAuthenticator", "Bearer", "BearerAuthenticator",
            "BlockSimultaneousSyncsAction", "CheckDynamicStream", "CheckStream", "ComponentMappingDefinition",
            "CompositeErrorHandler", "ConcurrencyLevel", "ConditionalStreams", "ConfigAddFields",
            "ConfigComponentsResolver", "ConfigMigration", "ConfigNormalizationRules", "ConfigRemapField",
            "ConfigRemoveFields", "ConstantBackoffStrategy", "CsvDecoder", "CursorPagination",
            "CustomAuthenticator", "CustomBackoffStrategy", "CustomConfigTransformation", "CustomDecoder",
            "CustomErrorHandler", "CustomPaginationStrategy", "CustomPartitionRouter", "CustomRecordExtractor",
            "CustomRecordFilter", "CustomRequester", "CustomRetriever", "CustomSchemaLoader",
            "CustomSchemaNormalization", "CustomStateMigration", "CustomTransformation",
            "CustomValidationStrategy", "DatetimeBasedCursor", "DeclarativeSource", "DeclarativeStream",
            "DefaultErrorHandler", "DefaultPaginator", "DpathExtractor", "DpathFlattenFields", "DpathValidator",
            "DynamicDeclarativeStream", "DynamicSchemaLoader", "DynamicStreamCheckConfig",
            "ExponentialBackoffStrategy", "FileUploader", "FixedWindowCallRatePolicy", "FlattenFields",
            "GroupByKeyMergeStrategy", "GroupingPartitionRouter", "GzipDecoder", "HTTPAPIBudget",
            "HttpComponentsResolver", "HttpRequester", "HttpResponseFilter", "IncrementingCountCursor",
            "InlineSchemaLoader", "IterableDecoder", "JsonDecoder", "JsonFileSchemaLoader", "JsonItemsDecoder",
            "JsonSchemaPropertySelector", "JsonlDecoder", "JwtAuthenticator", "KeyTransformation",
            "KeysReplace", "KeysToLower", "KeysToSnakeCase", "LegacySessionTokenAuthenticator",
            "LegacyToPerPartitionStateMigration", "ListPartitionRouter", "MinMaxDatetime",
            "MovingWindowCallRatePolicy", "NoAuth", "NoPagination", "OAuthAuthenticator", "OffsetIncrement",
            "PageIncrement", "PaginationReset", "PaginationResetLimits", "ParametrizedComponentsResolver",
            "ParentStreamConfig", "PredicateValidator", "PropertiesFromEndpoint", "PropertyChunking",
            "QueryProperties", "QuotaStatusSource", "RateLimitedMultipleTokenAuthenticator", "RecordExpander",
            "RecordFilter", "RecordSelector", "RemoveFields", "RequestBodyGraphQL", "RequestBodyJsonObject",
            "RequestBodyPlainText", "RequestBodyUrlEncodedForm", "RequestOption", "RequestPath",
            "ResponseToFileExtractor", "SchemaTypeIdentifier", "SelectiveAuthenticator",
            "SessionTokenAuthenticator", "SimpleRetriever", "Spec", "StateDelegatingStream", "StreamConfig",
            "StreamParametersDefinition", "SubstreamPartitionRouter", "TokenQuota", "UnionPartitionRouter",
            "UnlimitedCallRatePolicy", "ValidateAdheresToSchema", "WaitTimeFromHeader",
            "WaitUntilTimeFromHeader", "XmlDecoder", "ZipfileDecoder");

    private TypeNames() {
    }

    /**
     * @param allowed     the names this slot accepts
     * @param implemented every name Sluice implements under the root being validated or bound
     */
    static String unknownType(String name, Collection<String> allowed, Set<String> implemented) {
        if (implemented.contains(name)) {
            return "type '" + name + "' is not allowed here (expected " + expected(allowed) + ")";
        }
        if (UPSTREAM.contains(name)) {
            return "unsupported component " + name;
        }
        String nearest = nearest(name, allowed);
        if (nearest == null) {
            nearest = nearest(name, implemented);
        }
        if (nearest == null) {
            nearest = nearest(name, UPSTREAM);
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "... (" + name.length() + " characters)" : name;
        return "unknown type '" + shown + "' ("
                + (nearest != null ? "did you mean '" + nearest + "'?" : "expected " + expected(allowed)) + ")";
    }

    /** {@code 'A'} or {@code one of: 'A', 'B'}. */
    static String expected(Collection<String> names) {
        String quoted = names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return names.size() == 1 ? quoted : "one of: " + quoted;
    }

    /** The closest of {@code candidates} to {@code name}, if close enough to be a typo. */
    static @Nullable String nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Math.min(3, Math.max(1, name.length() / 3));
        for (String candidate : candidates) {
            // The edit distance is at least the length difference: skip hopeless candidates (and huge names).
            if (Math.abs(name.length() - candidate.length()) > bestDistance) {
                continue;
            }
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance <= bestDistance && (best == null || distance < bestDistance)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
