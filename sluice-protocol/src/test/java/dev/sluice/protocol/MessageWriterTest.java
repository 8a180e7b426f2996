package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden tests: each message type serialises to exactly the shape in the protocol digest. */
class MessageWriterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final MessageWriter writer = new MessageWriter(bytes);

    private String written() {
        writer.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void recordDropsTopLevelNullsButKeepsNestedOnes() throws Exception {
        ObjectNode data = (ObjectNode) Json.parse("{\"id\":1,\"name\":null,\"nested\":{\"x\":null},\"list\":[null]}");
        writer.write(new AirbyteRecord("users", data, 1716422400000L));
        assertThat(written()).isEqualTo("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":"
                + "{\"id\":1,\"nested\":{\"x\":null},\"list\":[null]},\"emitted_at\":1716422400000}}\n");
    }

    /** The protocol's AirbyteRecordMessageFileReference, as a file-transfer stream's records carry it. */
    @Test
    void aRecordOfAFileTransferStreamCarriesItsFileReference() throws Exception {
        ObjectNode data = (ObjectNode) Json.parse("{\"id\":7}");
        AirbyteRecordFileReference file = new AirbyteRecordFileReference("/staging/files/docs/7/a.pdf",
                "docs/7/a.pdf", 1024L);
        writer.write(new AirbyteRecord("docs", data, 5L, null, file));
        String line = written();

        assertThat(line).isEqualTo("{\"type\":\"RECORD\",\"record\":{\"stream\":\"docs\",\"data\":{\"id\":7},"
                + "\"emitted_at\":5,\"file_reference\":{\"staging_file_url\":\"/staging/files/docs/7/a.pdf\","
                + "\"source_file_relative_path\":\"docs/7/a.pdf\",\"file_size_bytes\":1024}}}\n");
        assertThat(((AirbyteRecord) MessageReader.parse(line.strip())).fileReference()).isEqualTo(file);
        assertThat(((AirbyteRecord) MessageReader.parse("{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\","
                + "\"data\":{},\"emitted_at\":1}}")).fileReference()).isNull();
    }

    @Test
    void recordValuesAreWrittenExactlyAsJacksonWritesThem() throws Exception {
        String json = "{\"i\":7,\"l\":12345678901234,\"big\":123456789012345678901234567890,"
                + "\"d\":1.5,\"whole\":3.0,\"tiny\":1.0E-300,\"dec\":1e400,\"t\":true,\"s\":\"é \\\" \\n\","
                + "\"nested\":{\"a\":[1,{\"b\":null},[]],\"e\":{}},\"neg\":-0.0}";
        ObjectNode data = (ObjectNode) Json.MAPPER.reader()
                .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree("{\"dec\":1e400}");
        ObjectNode parsed = (ObjectNode) Json.parse(json.replace(",\"dec\":1e400", ""));
        parsed.set("dec", data.get("dec"));
        writer.write(new AirbyteRecord("s", parsed, 1L));
        String written = written();
        String expected = Json.MAPPER.writeValueAsString(parsed);
        assertThat(written).isEqualTo("{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":" + expected
                + ",\"emitted_at\":1}}\n");
    }

    @Test
    void streamStateWithRecordCountAsDouble() throws Exception {
        writer.write(AirbyteStateMessage.forStream(StreamDescriptor.of("users"),
                Json.parse("{\"updated_at\":\"2024-01-01T00:00:00Z\",\"__ab_no_cursor_state_message\":true}"), 2));
        assertThat(written()).isEqualTo("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":"
                + "{\"stream_descriptor\":{\"name\":\"users\"},\"stream_state\":{\"updated_at\":\"2024-01-01T00:00:00Z\","
                + "\"__ab_no_cursor_state_message\":true}},\"sourceStats\":{\"recordCount\":2.0}}}\n");
    }

    @Test
    void log() {
        writer.write(new AirbyteLog(AirbyteLog.Level.INFO, "Marking stream users as STARTED"));
        assertThat(written()).isEqualTo(
                "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"Marking stream users as STARTED\"}}\n");
    }

    @Test
    void errorTrace() {
        writer.write(AirbyteTrace.error(1716422400000L, new AirbyteTrace.TraceError("user facing text",
                "developer text", "Traceback ...", FailureType.SYSTEM_ERROR, StreamDescriptor.of("users"))));
        assertThat(written()).isEqualTo("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1716422400000,"
                + "\"error\":{\"message\":\"user facing text\",\"internal_message\":\"developer text\","
                + "\"stack_trace\":\"Traceback ...\",\"failure_type\":\"system_error\","
                + "\"stream_descriptor\":{\"name\":\"users\"}}}}\n");
    }

    @Test
    void streamStatusTraceWithRateLimitedReason() {
        writer.write(new AirbyteTrace(AirbyteTrace.TraceType.STREAM_STATUS, 1716422400000L, null,
                new AirbyteTrace.StreamStatusTrace(StreamDescriptor.of("users"), AirbyteTrace.StreamStatus.RUNNING,
                        List.of(AirbyteTrace.StatusReason.rateLimited(1716422460000L))), null));
        assertThat(written()).isEqualTo("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1716422400000,"
                + "\"stream_status\":{\"stream_descriptor\":{\"name\":\"users\"},\"status\":\"RUNNING\","
                + "\"reasons\":[{\"type\":\"RATE_LIMITED\",\"rate_limited\":{\"quota_reset\":1716422460000}}]}}}\n");
    }

    @Test
    void estimateTrace() {
        writer.write(AirbyteTrace.estimate(5L, new AirbyteTrace.Estimate("users", "STREAM", null, 10L, null)));
        assertThat(written()).isEqualTo("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"emitted_at\":5,"
                + "\"estimate\":{\"name\":\"users\",\"type\":\"STREAM\",\"row_estimate\":10}}}\n");
    }

    @Test
    void specWritesTheSupportsFlagsEvenWhenFalse() throws Exception {
        writer.write(ConnectorSpecification.of("https://docs", (ObjectNode) Json.parse("{\"type\":\"object\"}")));
        assertThat(written()).isEqualTo("{\"type\":\"SPEC\",\"spec\":{\"documentationUrl\":\"https://docs\","
                + "\"connectionSpecification\":{\"type\":\"object\"},\"supportsNormalization\":false,"
                + "\"supportsDBT\":false}}\n");
    }

    @Test
    void catalog() throws Exception {
        writer.write(new AirbyteCatalog(List.of(new AirbyteStream("users", (ObjectNode) Json.parse("{}"),
                List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL), true, List.of("updated_at"),
                List.of(List.of("id")), null, true, false))));
        assertThat(written()).isEqualTo("{\"type\":\"CATALOG\",\"catalog\":{\"streams\":[{\"name\":\"users\","
                + "\"json_schema\":{},\"supported_sync_modes\":[\"full_refresh\",\"incremental\"],"
                + "\"source_defined_cursor\":true,\"default_cursor_field\":[\"updated_at\"],"
                + "\"source_defined_primary_key\":[[\"id\"]],\"is_resumable\":true,\"is_file_based\":false}]}}\n");
    }

    @Test
    void connectionStatusUsesCamelCaseEnvelope() {
        writer.write(ConnectionStatus.succeeded());
        writer.write(ConnectionStatus.failed("boom"));
        assertThat(written()).isEqualTo("{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}\n"
                + "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"FAILED\",\"message\":\"boom\"}}\n");
    }

    @Test
    void controlConnectorConfig() throws Exception {
        writer.write(AirbyteControl.connectorConfig(7L, (ObjectNode) Json.parse("{\"refresh_token\":\"new\"}")));
        assertThat(written()).isEqualTo("{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\",\"emitted_at\":7,"
                + "\"connectorConfig\":{\"config\":{\"refresh_token\":\"new\"}}}}\n");
    }

    @Test
    void secretsAreMaskedInLogsTracesAndStatusesIncludingUrlEncodedForms() {
        writer.maskSecrets(SecretMasker.of(Set.of("s3cr3t/key+1")));
        writer.write(new AirbyteLog(AirbyteLog.Level.WARN, "GET https://x/?api_key=s3cr3t%2Fkey%2B1 failed"));
        writer.write(AirbyteTrace.error(1L, new AirbyteTrace.TraceError("bad s3cr3t/key+1", "internal s3cr3t/key+1",
                "at s3cr3t/key+1", FailureType.CONFIG_ERROR, null)));
        writer.write(ConnectionStatus.failed("token s3cr3t/key+1 rejected"));
        assertThat(written()).doesNotContain("s3cr3t").contains("api_key=****").contains("bad ****")
                .contains("internal ****").contains("at ****").contains("token **** rejected");
    }

    @Test
    void secretsAreMaskedHoweverAnEncoderTreatsStarsTildesSpacesAndHexCase() {
        writer.maskSecrets(SecretMasker.of(Set.of("a*b~c d/e")));
        writer.write(new AirbyteLog(AirbyteLog.Level.WARN, String.join(" | ",
                "java a*b%7Ec+d%2Fe", "python a%2Ab~c+d%2Fe", "rfc3986 a%2Ab~c%20d%2Fe", "java-20 a*b%7Ec%20d%2Fe",
                "lower a%2ab~c+d%2fe", "raw a*b~c d/e")));
        assertThat(written()).contains("java **** | python **** | rfc3986 **** | java-20 **** | lower **** | raw ****");
    }

    @Test
    void secretsObtainedWhileRunningAreMaskedWithTheConfiguredOnes() {
        SecretRegistry registry = new SecretRegistry();
        writer.maskSecrets(SecretMasker.of(Set.of("configured-key-7f1")), registry);
        writer.write(new AirbyteLog(AirbyteLog.Level.INFO, "before: tok-runtime-93e/x"));
        registry.add("tok-runtime-93e/x");
        writer.write(new AirbyteLog(AirbyteLog.Level.WARN, "401: token tok-runtime-93e/x refused, key configured-key-7f1"));
        writer.write(AirbyteTrace.error(1L, new AirbyteTrace.TraceError("refused tok-runtime-93e%2Fx", null, null,
                FailureType.CONFIG_ERROR, null)));

        assertThat(written()).as("masked from when it is known").contains("before: tok-runtime-93e/x")
                .contains("401: token **** refused, key ****").contains("refused ****");
        assertThat(registry.mask(SecretMasker.none(), "x tok-runtime-93e/x")).isEqualTo("x ****");
    }

    @Test
    void roundTripsThroughTheReader() throws Exception {
        writer.write(AirbyteStateMessage.forStream(StreamDescriptor.of("a"), Json.parse("{\"k\":1}"), 3));
        writer.write(new AirbyteRecord("a", (ObjectNode) Json.parse("{\"id\":1}"), 9L));
        String[] lines = written().split("\n");
        AirbyteMessage state = MessageReader.parse(lines[0]);
        AirbyteMessage record = MessageReader.parse(lines[1]);
        assertThat(state).isInstanceOf(AirbyteStateMessage.class);
        assertThat(((AirbyteStateMessage) state).sourceStats().recordCount()).isEqualTo(3.0);
        assertThat(((AirbyteRecord) record).data().get("id").asInt()).isEqualTo(1);
    }
}
