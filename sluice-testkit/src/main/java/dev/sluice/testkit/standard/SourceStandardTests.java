package dev.sluice.testkit.standard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.StreamState;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checks every source must pass, as a JUnit 5 base class (the reference's standard tests). Extend it, say
 * where the source is and give a config that works:
 *
 * <pre>{@code
 * class MySourceStandardTest extends SourceStandardTests {
 *     @RegisterExtension
 *     static final TestResource<DemoApi> API = TestResource.of(() -> DemoApi.start(DemoApiOptions.defaults()));
 *
 *     @Override
 *     protected SourceLocation source() {
 *         return SourceLocation.className(MySource.class.getName());   // or SourceLocation.manifestFile(...)
 *     }
 *
 *     @Override
 *     protected Config config() {
 *         return ConfigBuilder.withBaseUrl(API.get().baseUri().toString()).build();
 *     }
 * }
 * }</pre>
 *
 * <p>The tests: the spec is a valid draft-07 schema and every property whose name says secret ({@code password},
 * {@code api_key}, {@code access_token}, {@code client_secret}, ...) is {@code airbyte_secret}; {@code check} with
 * {@link #invalidConfig()} fails with a config error, neither a system error nor an exception; discover's schemas
 * are valid draft-07 schemas and hold their primary keys and default cursor fields; a full read's records match
 * their stream's schema; an incremental read emits every STATE after the records it covers, and a second read
 * from the final state returns no record older than that state's cursor; a resumable full-refresh read resumed
 * from each of its checkpoints returns exactly the records after it. Incremental and resumable tests are skipped
 * when no stream is (see {@link #isIncremental} and {@link #isResumable}).
 *
 * <p>Optional overrides: {@link #invalidConfig()}, {@link #setUpApi(StandardTest)} (a mock API's expectations
 * for one test), {@link #isIncremental}, {@link #isResumable}, {@link #looksSecret(String)},
 * {@link #cursorValue(AirbyteStream, JsonNode)} (a state whose cursor is not under the cursor field's name),
 * {@link #harness()}.
 */
public abstract class SourceStandardTests {

    private final Draft07 draft07 = new Draft07();

    /** Where the source is: a class name ({@code SourceLocation.className}) or a manifest. */
    protected abstract SourceLocation source();

    /** A config with which the source reads records (from the API this test set up). */
    protected abstract Config config();

    /** A config {@code check} must refuse with a config error; by default {@code {}}. */
    protected Config invalidConfig() {
        return Config.empty();
    }

    /** Sets up the API for one standard test before it runs anything; by default nothing. */
    protected void setUpApi(StandardTest test) {
    }

    /** The harness the tests run the source with; by default the source loaded with this class's class loader. */
    protected ConnectorHarness harness() {
        return ConnectorHarness.of(source(), getClass().getClassLoader());
    }

    /** Whether the incremental tests read {@code stream}; by default when it supports incremental with a cursor. */
    protected boolean isIncremental(AirbyteStream stream) {
        return stream.supportedSyncModes().contains(SyncMode.INCREMENTAL) && stream.defaultCursorField() != null
                && !stream.defaultCursorField().isEmpty();
    }

    /** Whether the resumable test reads {@code stream}; by default when discover says it is resumable. */
    protected boolean isResumable(AirbyteStream stream) {
        return Boolean.TRUE.equals(stream.isResumable()) && !isIncremental(stream);
    }

    /** Whether a config property of this name must be {@code airbyte_secret}. */
    protected boolean looksSecret(String propertyName) {
        return SecretNames.looksSecret(propertyName);
    }

    /**
     * The cursor value a stream's STATE holds: by default the value under the cursor field's name
     * ({@code {"updated_at": "..."}}), or under {@code state} ({@code {"state": {"updated_at": "..."}}}, a
     * partitioned stream's global cursor).
     */
    protected Optional<JsonNode> cursorValue(AirbyteStream stream, JsonNode state) {
        String field = stream.defaultCursorField().get(stream.defaultCursorField().size() - 1);
        for (JsonNode candidate : List.of(state.path(field), state.path("state").path(field))) {
            if (!candidate.isMissingNode() && !candidate.isNull() && !candidate.isContainerNode()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    // ---- spec

    @Test
    public void specIsAValidDraft07Schema() {
        setUpApi(StandardTest.SPEC_IS_VALID);
        ObjectNode schema = spec().connectionSpecification();
        List<String> problems = draft07.schemaProblems(schema);
        if (!problems.isEmpty()) {
            fail("the spec's connectionSpecification is not a valid draft-07 JSON schema: " + problems);
        }
        if (!"object".equals(schema.path("type").asText())) {
            fail("the spec's connectionSpecification must be an object schema (\"type\": \"object\"), not "
                    + Messages.brief(schema.path("type")));
        }
    }

    @Test
    public void secretPropertiesAreAirbyteSecret() {
        setUpApi(StandardTest.SECRETS_ARE_MARKED);
        List<String> unmarked = new ArrayList<>();
        SpecWalker.properties(spec().connectionSpecification(), (path, name, property) -> {
            if (looksSecret(name) && SpecWalker.holdsText(property)
                    && !property.path("airbyte_secret").asBoolean(false)) {
                unmarked.add(path);
            }
        });
        if (!unmarked.isEmpty()) {
            fail("these spec properties look secret but are not \"airbyte_secret\": true (their values would show "
                    + "in logs and the UI): " + unmarked + "; mark them, or override looksSecret if they are not");
        }
    }

    // ---- check

    @Test
    public void checkWithAnInvalidConfigFailsWithAConfigError() {
        setUpApi(StandardTest.CHECK_INVALID_CONFIG);
        Output output;
        try {
            output = harness().check(invalidConfig());
        } catch (RuntimeException e) {
            throw new AssertionError("check with an invalid config threw " + e
                    + " instead of failing with a config error (throw a ConfigException)", e);
        }
        for (AirbyteTrace.TraceError error : output.errors()) {
            if (error.failureType() != FailureType.CONFIG_ERROR) {
                fail("check with an invalid config failed with a " + error.failureType() + " instead of a "
                        + "config error: " + error.message() + (error.stackTrace() == null ? ""
                        : "\n" + error.stackTrace()));
            }
        }
        Optional<ConnectionStatus> status = output.connectionStatus();
        if (status.isEmpty() || status.get().status() != ConnectionStatus.Status.FAILED) {
            fail("check with an invalid config " + Json.write(invalidConfig().json()) + " did not fail: "
                    + status.map(Json::write).orElse("no CONNECTION_STATUS"));
        }
    }

    // ---- discover

    @Test
    public void discoveredSchemasAreValidDraft07Schemas() {
        setUpApi(StandardTest.DISCOVER_SCHEMAS_ARE_VALID);
        List<String> problems = new ArrayList<>();
        for (AirbyteStream stream : discover()) {
            List<String> invalid = draft07.schemaProblems(stream.jsonSchema());
            if (!invalid.isEmpty()) {
                problems.add(stream.name() + ": " + invalid);
            }
        }
        if (!problems.isEmpty()) {
            fail("discover gave schemas that are not valid draft-07 JSON schemas: " + problems);
        }
    }

    @Test
    public void primaryKeysAndCursorFieldsAreInTheirSchemas() {
        setUpApi(StandardTest.DISCOVER_KEYS_EXIST);
        List<String> missing = new ArrayList<>();
        for (AirbyteStream stream : discover()) {
            for (List<String> key : Optional.ofNullable(stream.sourceDefinedPrimaryKey()).orElse(List.of())) {
                if (!SpecWalker.declares(stream.jsonSchema(), key)) {
                    missing.add(stream.name() + ": primary key " + key);
                }
            }
            List<String> cursor = stream.defaultCursorField();
            if (cursor != null && !cursor.isEmpty() && !SpecWalker.declares(stream.jsonSchema(), cursor)) {
                missing.add(stream.name() + ": cursor field " + cursor);
            }
        }
        if (!missing.isEmpty()) {
            fail("discover names fields its schemas do not declare: " + missing);
        }
    }

    // ---- reads

    @Test
    public void fullReadRecordsMatchTheirSchemas() {
        setUpApi(StandardTest.FULL_READ_MATCHES_SCHEMAS);
        List<AirbyteStream> streams = discover();
        Output output = read(Messages.fullRefresh(streams), StateInput.empty(), "the full read");
        Map<String, JsonSchema> schemas = new HashMap<>();
        streams.forEach(stream -> schemas.put(stream.name(), draft07.compile(stream.jsonSchema())));
        List<String> violations = new ArrayList<>();
        for (AirbyteRecord record : output.records()) {
            JsonSchema schema = schemas.get(record.stream());
            if (schema == null) {
                violations.add("a record of " + record.stream() + ", a stream discover does not list");
                continue;
            }
            List<String> problems = Draft07.problems(schema, record.data());
            if (!problems.isEmpty() && violations.size() < 10) {
                violations.add(record.stream() + " record " + Messages.brief(record.data()) + ": " + problems);
            }
        }
        if (!violations.isEmpty()) {
            fail("records do not match their stream's schema:\n  " + String.join("\n  ", violations));
        }
        if (output.records().isEmpty()) {
            fail("the full read returned no records, so nothing was checked: give a config (and API) with data");
        }
    }

    @Test
    public void incrementalStatesFollowTheRecordsTheyCover() {
        setUpApi(StandardTest.INCREMENTAL_STATE_AFTER_RECORDS);
        List<AirbyteStream> streams = incrementalStreams();
        Output output = read(Messages.incremental(streams), StateInput.empty(), "the incremental read");
        new IncrementalChecks(this::cursorValue).statesFollowRecords(streams, output);
    }

    @Test
    public void aSecondIncrementalReadReturnsNothingOlderThanTheState() {
        setUpApi(StandardTest.INCREMENTAL_SECOND_READ);
        List<AirbyteStream> streams = incrementalStreams();
        Output first = read(Messages.incremental(streams), StateInput.empty(), "the first incremental read");
        Output second = read(Messages.incremental(streams), ConnectorHarness.stateOf(first),
                "the incremental read from the first read's final state");
        new IncrementalChecks(this::cursorValue).nothingOlderThanState(streams, first, second);
    }

    @Test
    public void resumableFullRefreshResumesExactlyAfterEachCheckpoint() {
        setUpApi(StandardTest.RESUMABLE_FULL_REFRESH);
        List<AirbyteStream> streams = discover().stream().filter(this::isResumable).toList();
        assumeFalse(streams.isEmpty(), "no stream is resumable");
        Output full = read(Messages.fullRefresh(streams), StateInput.empty(), "the full read");
        List<String> problems = new ArrayList<>();
        int checkpoints = 0;
        for (AirbyteStream stream : streams) {
            List<JsonNode> records = new ArrayList<>();
            for (AirbyteMessage message : Messages.of(full, stream.name())) {
                if (message instanceof AirbyteRecord record) {
                    records.add(record.data());
                } else if (message instanceof AirbyteStateMessage state) {
                    checkpoints++;
                    JsonNode token = state.stream().streamState();
                    Output resumed = read(Messages.fullRefresh(List.of(stream)), new StateInput(Map.of(
                            stream.descriptor(), StreamState.of(token))), "the read resumed from " + Json.write(token));
                    RecordDiff.between(new ArrayList<>(full.records(stream.name())).subList(
                            records.size(), full.records(stream.name()).size()), resumed.records(stream.name()))
                            .ifPresent(diff -> problems.add(stream.name() + ", resumed from checkpoint "
                                    + Json.write(token) + " after " + records.size() + " records: " + diff));
                }
            }
        }
        if (checkpoints == 0) {
            fail("the resumable streams " + streams.stream().map(AirbyteStream::name).toList()
                    + " emitted no STATE, so a read cannot resume");
        }
        if (!problems.isEmpty()) {
            fail("resumed reads did not return exactly the rest:\n  " + String.join("\n  ", problems));
        }
    }

    // ---- helpers

    private ConnectorSpecification spec() {
        return harness().spec().messages().stream().filter(ConnectorSpecification.class::isInstance)
                .map(ConnectorSpecification.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("spec printed no SPEC message"));
    }

    private List<AirbyteStream> discover() {
        Output output = harness().discover(config());
        return output.catalog().orElseThrow(() -> new AssertionError("discover printed no CATALOG"
                + (output.errors().isEmpty() ? "" : ": " + output.errors().get(0).message()))).streams();
    }

    private List<AirbyteStream> incrementalStreams() {
        List<AirbyteStream> streams = discover().stream().filter(this::isIncremental).toList();
        assumeFalse(streams.isEmpty(), "no stream is incremental");
        return streams;
    }

    private Output read(ConfiguredAirbyteCatalog catalog, StateInput state, String what) {
        Output output = harness().read(config(), catalog, state);
        if (output.exitCode() != 0 || !output.errors().isEmpty()) {
            fail(what + " failed (exit code " + output.exitCode() + "): " + output.errors().stream()
                    .map(AirbyteTrace.TraceError::message).toList());
        }
        return output;
    }
}
