package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.DestinationSyncMode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.ResumableStream;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import dev.sluice.source.RunContext;
import org.junit.jupiter.api.AfterEach;

class SourceRunnerTest {

    private final RunContext run = RunContext.named("test");

    @AfterEach
    void closeRun() {
        run.close();
    }

    private final CollectingSink out = new CollectingSink();
    private final Clock clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** A stream of n records {"id": i}; fails after {@code failAfter} records when that is non-negative. */
    record Numbers(String name, int n, int failAfter, boolean checkpointEachRecord) implements Stream {
        @Override
        public ObjectNode jsonSchema() {
            return Json.object().put("type", "object");
        }

        @Override
        public PrimaryKey primaryKey() {
            return PrimaryKey.of("id");
        }

        @Override
        public void read(ReadRequest request, StreamSink sink) {
            for (int i = 0; i < n; i++) {
                if (i == failAfter) {
                    throw new ConnectorException(FailureType.TRANSIENT_ERROR, "boom at " + i);
                }
                sink.record(Json.object().put("id", i));
                if (checkpointEachRecord) {
                    sink.checkpoint(request.state().with("id", Json.nodes().numberNode(i)));
                }
            }
        }
    }

    static final class FakeSource implements Source {
        final List<Stream> streams;

        FakeSource(Stream... streams) {
            this.streams = List.of(streams);
        }

        @Override
        public ConnectorSpecification spec() {
            try {
                return ConnectorSpecification.of(null, (ObjectNode) Json.parse("""
                        {"type": "object", "required": ["api_key"],
                         "properties": {"api_key": {"type": "string", "airbyte_secret": true},
                                        "start": {"type": "integer"}}}"""));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public List<Stream> streams(Config config) {
            return streams;
        }

        @Override
        public ConnectionStatus check(Config config, RunContext run) {
            if (config.requireString("api_key").equals("wrong")) {
                throw new ConfigException("The API key is wrong");
            }
            return ConnectionStatus.succeeded();
        }
    }

    private static Config config(String json) throws Exception {
        return Config.of(Json.parse(json));
    }

    private static ConfiguredAirbyteCatalog catalog(Source source, String... names) {
        List<ConfiguredAirbyteStream> streams = java.util.Arrays.stream(names).map(name -> {
            Stream stream = source.streams(Config.empty()).stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElse(new Numbers(name, 0, -1, false));
            return new ConfiguredAirbyteStream(stream.toAirbyteStream(), SyncMode.FULL_REFRESH,
                    DestinationSyncMode.OVERWRITE, null, null);
        }).toList();
        return new ConfiguredAirbyteCatalog(streams);
    }

    @Test
    void readEmitsStatusesRecordsAndStatesInOrder() throws Exception {
        FakeSource source = new FakeSource(new Numbers("a", 2, -1, false), new Numbers("b", 2, -1, true));
        boolean ok = new SourceRunner(source, out, clock, run).read(config("{\"api_key\":\"k\"}"),
                catalog(source, "b", "a"), StateInput.empty());

        assertThat(ok).isTrue();
        assertThat(out.transcript()).containsExactly(
                "STARTED b", "RUNNING b", "RECORD b", "STATE b {\"id\":0} 1.0", "RECORD b", "STATE b {\"id\":1} 1.0",
                "COMPLETE b",
                "STARTED a", "RUNNING a", "RECORD a", "RECORD a",
                "STATE a {\"__ab_no_cursor_state_message\":true} 2.0", "COMPLETE a");
        assertThat(out.records().get(0).emittedAt()).isEqualTo(clock.millis());
    }

    @Test
    void aFailingStreamIsIncompleteAndTheOthersStillRun() throws Exception {
        FakeSource source = new FakeSource(new Numbers("bad", 5, 3, true), new Numbers("good", 1, -1, false));
        boolean ok = new SourceRunner(source, out, clock, run).read(config("{\"api_key\":\"k\"}"),
                catalog(source, "bad", "good"), StateInput.empty());

        assertThat(ok).isFalse();
        assertThat(out.transcript()).containsExactly(
                "STARTED bad", "RUNNING bad",
                "RECORD bad", "STATE bad {\"id\":0} 1.0", "RECORD bad", "STATE bad {\"id\":1} 1.0",
                "RECORD bad", "STATE bad {\"id\":2} 1.0",
                "INCOMPLETE bad", "ERROR bad transient_error",
                "STARTED good", "RUNNING good", "RECORD good",
                "STATE good {\"__ab_no_cursor_state_message\":true} 1.0", "COMPLETE good",
                "ERROR - config_error");
        assertThat(out.errors().get(0).error().message()).isEqualTo("boom at 3");
        assertThat(out.errors().get(1).error().message())
                .isEqualTo("During the sync, the following streams did not sync successfully: bad: boom at 3");
    }

    @Test
    void aConfiguredStreamTheSourceLacksIsIncompleteWithoutStarting() throws Exception {
        FakeSource source = new FakeSource(new Numbers("a", 1, -1, false));
        boolean ok = new SourceRunner(source, out, clock, run).read(config("{\"api_key\":\"k\"}"),
                catalog(source, "ghost", "a"), StateInput.empty());
        assertThat(ok).isTrue();
        assertThat(out.transcript()).startsWith("INCOMPLETE ghost", "STARTED a");
    }

    @Test
    void incomingStateReachesTheStream() throws Exception {
        Stream echo = new Stream() {
            @Override
            public String name() {
                return "echo";
            }

            @Override
            public ObjectNode jsonSchema() {
                return Json.object();
            }

            @Override
            public void read(ReadRequest request, StreamSink sink) {
                sink.record(request.state().json().deepCopy());
            }
        };
        FakeSource source = new FakeSource(echo);
        StateInput state = StateInput.parse(Json.parse("""
                [{"type": "STREAM", "stream": {"stream_descriptor": {"name": "echo"}, "stream_state": {"c": 5}}},
                 {"type": "LEGACY", "data": {"echo": {"c": 1}}}]"""));
        new SourceRunner(source, out, clock, run).read(config("{\"api_key\":\"k\"}"), catalog(source, "echo"), state);
        assertThat(out.records().get(0).data().get("c").asInt()).isEqualTo(5);
    }

    /** Two pages of one record each; the state is the next page's number. */
    static final class TwoPages extends ResumableStream {
        int pagesRead;

        @Override
        public String name() {
            return "pages";
        }

        @Override
        public ObjectNode jsonSchema() {
            return Json.object();
        }

        @Override
        protected Page readPage(@Nullable ObjectNode token) {
            pagesRead++;
            int page = token == null ? 1 : token.get("page").asInt();
            return new Page(List.of(Json.object().put("id", page)), page == 2 ? null : Json.object().put("page", 2));
        }
    }

    @Test
    void aFinishedResumableFullRefreshKeepsItsSentinelThroughAttemptsThatReadNothing() throws Exception {
        TwoPages pages = new TwoPages();
        FakeSource source = new FakeSource(pages);
        StateInput state = StateInput.parse(Json.parse("""
                [{"type": "STREAM", "stream": {"stream_descriptor": {"name": "pages"},
                  "stream_state": {"__ab_full_refresh_sync_complete": true}}}]"""));
        // Three attempts in a row, each resumed from the previous one's state (as after kills in later streams).
        for (int attempt = 0; attempt < 3; attempt++) {
            CollectingSink attemptOut = new CollectingSink();
            boolean ok = new SourceRunner(source, attemptOut, clock, run).read(config("{\"api_key\":\"k\"}"),
                    catalog(source, "pages"), state);
            assertThat(ok).isTrue();
            assertThat(attemptOut.transcript()).containsExactly("STARTED pages",
                    "STATE pages {\"__ab_full_refresh_sync_complete\":true} 0.0", "COMPLETE pages");
            state = StateInput.parse(Json.MAPPER.valueToTree(attemptOut.states()));
        }
        assertThat(pages.pagesRead).isZero();
    }

    @Test
    void checkReportsAnInvalidConfigAsFailedNamingTheField() throws Exception {
        new SourceRunner(new FakeSource(), out, clock, run).check(config("{\"start\": \"soon\"}"));
        ConnectionStatus status = (ConnectionStatus) out.messages.get(0);
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message()).startsWith("Config validation error: ").contains("api_key");
    }

    @Test
    void checkTurnsAConfigExceptionIntoATraceAndAFailedStatus() throws Exception {
        new SourceRunner(new FakeSource(), out, clock, run).check(config("{\"api_key\": \"wrong\"}"));
        assertThat(out.transcript()).containsExactly("ERROR - config_error", "CONNECTION_STATUS");
        assertThat(((ConnectionStatus) out.messages.get(1)).message()).isEqualTo("The API key is wrong");
    }

    @Test
    void discoverValidatesTheConfigThenListsTheStreams() throws Exception {
        FakeSource source = new FakeSource(new Numbers("a", 0, -1, false));
        assertThatThrownBy(() -> new SourceRunner(source, out, clock, run).discover(config("{\"start\": 1}")))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.userMessage()).contains("api_key"));
        new SourceRunner(source, out, clock, run).discover(config("{\"api_key\": \"k\", \"start\": 1}"));
        AirbyteCatalog catalog = (AirbyteCatalog) out.messages.get(0);
        assertThat(catalog.streams()).extracting("name").containsExactly("a");
        assertThat(catalog.streams().get(0).sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
    }

    @Test
    void secretsAreFoundInNestedObjectsAndOneOfBranches() throws Exception {
        var spec = Json.parse("""
                {"type": "object", "properties": {
                  "credentials": {"type": "object", "oneOf": [
                     {"properties": {"client_secret": {"type": "string", "airbyte_secret": true}}},
                     {"properties": {"api_token": {"type": "string", "airbyte_secret": true}}}]},
                  "tokens": {"type": "array", "items": {"type": "string", "airbyte_secret": true}},
                  "name": {"type": "string"}}}""");
        var masker = Secrets.masker(spec, config("""
                {"credentials": {"api_token": "tok-123"}, "tokens": ["t1x", "t2x"], "name": "visible"}"""));
        assertThat(masker.mask("tok-123 t1x t2x visible")).isEqualTo("**** **** **** visible");
        assertThat(StreamState.empty().isEmpty()).isTrue();
    }
}
