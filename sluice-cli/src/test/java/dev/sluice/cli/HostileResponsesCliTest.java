package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.protocol.AirbyteTrace.TraceError;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.JsonTrees;
import dev.sluice.testkit.Output;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Responses no API should send, read by the declarative and the code-first {@link ItemsConnector} through the CLI in
 * its own JVM, with a 256 MB heap that exits on the first {@link OutOfMemoryError} (exit code 3): JSON nested
 * 100,000 levels deep, invalid UTF-8, numbers beyond any long or double, a 1 GB body generated as it is sent. Each
 * run must end with correct records or a clear error naming the request, in bounded memory, without a JVM crash.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileResponsesCliTest {

    private static final String KEY = "hostile-key-7d1e";
    private static final long ONE_GIGABYTE = 1L << 30;
    private static final long BODY_LIMIT = 16L << 20;
    private static final String HUGE_INTEGER = "1" + "0".repeat(1000);
    private static final List<String> EXIT_ON_OOM = List.of("-XX:+ExitOnOutOfMemoryError");

    @TempDir
    Path dir;
    private HostileApi api;
    private int runs;
    private long lastRecordCount;
    private List<String> lastLines = List.of();

    @BeforeAll
    void start() throws IOException {
        api = HostileApi.start();
        api.answer("/nested", HostileApi.json(200, "{\"data\": [{\"id\": 1, \"deep\": " + "[".repeat(100_000)
                + "]".repeat(100_000) + "}]}"));
        api.answer("/latin1", HostileApi.bytes(200, invalidUtf8()));
        api.answer("/integers", HostileApi.json(200, "{\"data\": [{\"id\": 1, \"big\": " + HUGE_INTEGER
                + ", \"negative\": -" + HUGE_INTEGER + "}]}"));
        api.answer("/floats", HostileApi.json(200, "{\"data\": [{\"id\": 1, \"over\": 1e400, \"minus\": -1e400, "
                + "\"under\": 1e-400}]}"));
        api.answer("/huge", HostileApi.streamedRecords(ONE_GIGABYTE));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    /** A body with the bytes 0xFF 0xFE inside a string: not UTF-8, as a Latin-1 server would send "ÿþ". */
    private static byte[] invalidUtf8() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"data\": [{\"id\": 1, \"name\": \"caf".getBytes(StandardCharsets.US_ASCII));
        body.write(0xFF);
        body.write(0xFE);
        body.writeBytes("\"}]}".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private Output read(ItemsConnector kind, String path, List<String> jvmOptions) throws Exception {
        String name = "run" + (++runs);
        ObjectNode config = ItemsConnector.config(api.baseUrl(), path, KEY);
        Path stderr = dir.resolve(name + ".err");
        WatchedProcess process = WatchedProcess.start(stderr, -1, jvmOptions, kind.read(dir, name, config));
        Output output = process.await(Duration.ofMinutes(2));
        lastRecordCount = process.recordCount();
        lastLines = process.lines();
        String errors = Files.readString(stderr);
        assertThat(output.exitCode()).as("the JVM ran out of memory:%n%s", errors).isNotEqualTo(3);
        assertThat(errors).doesNotContain("OutOfMemoryError", "StackOverflowError", "hs_err");
        return output;
    }

    private static TraceError assertClearError(Output output, String path, String problem) {
        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.statuses("items")).endsWith(StreamStatus.INCOMPLETE);
        assertThat(output.records("items")).isEmpty();
        TraceError error = output.errors().get(0);
        assertThat(error.message()).contains("/" + path).containsIgnoringCase(problem).doesNotContain(KEY);
        return error;
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void jsonNestedAHundredThousandLevelsIsAClearErrorAfterTheRetryBudget(ItemsConnector kind) throws Exception {
        int before = api.requestsFor("/nested").size();
        Output output = read(kind, "nested", EXIT_ON_OOM);

        assertClearError(output, "nested", "nesting depth");
        assertThat(api.requestsFor("/nested")).hasSize(before + 3);
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void invalidUtf8IsAClearError(ItemsConnector kind) throws Exception {
        Output output = read(kind, "latin1", EXIT_ON_OOM);

        assertClearError(output, "latin1", "UTF-8");
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void integersOfAThousandDigitsKeepEveryDigit(ItemsConnector kind) throws Exception {
        Output output = read(kind, "integers", EXIT_ON_OOM);

        assertThat(output.exitCode()).isZero();
        ObjectNode record = output.records("items").get(0);
        assertThat(record.get("big").isIntegralNumber()).isTrue();
        assertThat(record.get("big").bigIntegerValue()).isEqualTo(new BigInteger(HUGE_INTEGER));
        assertThat(record.get("negative").bigIntegerValue()).isEqualTo(new BigInteger("-" + HUGE_INTEGER));
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void floatsBeyondDoubleRangeStayNumbersWithTheirValue(ItemsConnector kind) throws Exception {
        Output output = read(kind, "floats", EXIT_ON_OOM);

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("items")).hasSize(1);
        // Read as printed: a reader of doubles (the protocol's) would turn 1e400 into Infinity on its side.
        String line = lastLines.stream().filter(text -> text.contains("\"RECORD\"")).findFirst().orElseThrow();
        JsonNode record = JsonTrees.readDocument(line.getBytes(StandardCharsets.UTF_8)).get("record").get("data");
        assertThat(record.get("over").isNumber()).as("1e400 is a number: %s", line).isTrue();
        assertThat(record.get("over").decimalValue()).isEqualByComparingTo(new BigDecimal("1e400"));
        assertThat(record.get("minus").decimalValue()).isEqualByComparingTo(new BigDecimal("-1e400"));
        assertThat(record.get("under").isNumber()).isTrue();
    }

    /** The limit is on bodies read whole: the code-first stream reads its pages so. */
    @ParameterizedTest
    @EnumSource(value = ItemsConnector.class, names = "CODE_FIRST")
    void aGigabyteBodyOverTheBodyLimitIsRefusedOnceInBoundedMemory(ItemsConnector kind) throws Exception {
        int before = api.requestsFor("/huge").size();
        Output output = read(kind, "huge", List.of("-XX:+ExitOnOutOfMemoryError",
                "-Dsluice.http.max-body-bytes=" + BODY_LIMIT));

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.statuses("items")).endsWith(StreamStatus.INCOMPLETE);
        TraceError error = output.errors().get(0);
        assertThat(error.message()).contains("exceeds " + BODY_LIMIT + " bytes");
        assertThat(error.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
        assertThat(api.requestsFor("/huge")).as("not retried").hasSize(before + 1);
    }

    @ParameterizedTest
    @EnumSource(value = ItemsConnector.class, names = "CODE_FIRST")
    void aBodyOverTheBodyLimitIsReportedNamingTheRequest(ItemsConnector kind) throws Exception {
        Output output = read(kind, "huge", List.of("-XX:+ExitOnOutOfMemoryError",
                "-Dsluice.http.max-body-bytes=" + BODY_LIMIT));

        assertClearError(output, "huge", "exceeds " + BODY_LIMIT + " bytes");
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void aGigabyteBodyWithTheDefaultSettingsIsReadOrRefusedInBoundedMemory(ItemsConnector kind) throws Exception {
        Output output = read(kind, "huge", EXIT_ON_OOM);

        if (kind == ItemsConnector.DECLARATIVE) {
            // Records at a plain path are extracted while the body streams in: all of them, in bounded memory.
            assertThat(output.exitCode()).isZero();
        }
        if (output.exitCode() == 0) {
            assertThat(output.statuses("items")).endsWith(StreamStatus.COMPLETE);
            assertThat(lastRecordCount).isEqualTo(HostileApi.streamedRecordCount(ONE_GIGABYTE));
        } else {
            assertClearError(output, "huge", "bytes");
        }
    }
}
