package dev.sluice.builder.testread;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;

/**
 * Where a test read stops: after {@code maxRecords} records, {@code maxPagesPerSlice} pages in one slice, or
 * {@code maxSlices} slices; {@code maxStreams} caps the streams each dynamic-stream definition lists in
 * {@code full_resolve_manifest}. The defaults are the reference's ({@code TestLimits} in
 * {@code concurrent_declarative_source.py}: 100 records, 5 pages per slice, 5 slices, 100 streams).
 */
public record TestReadLimits(int maxRecords, int maxPagesPerSlice, int maxSlices, int maxStreams) {

    public static final int DEFAULT_MAX_RECORDS = 100;
    public static final int DEFAULT_MAX_PAGES_PER_SLICE = 5;
    public static final int DEFAULT_MAX_SLICES = 5;
    public static final int DEFAULT_MAX_STREAMS = 100;

    public static final TestReadLimits DEFAULTS = new TestReadLimits(DEFAULT_MAX_RECORDS,
            DEFAULT_MAX_PAGES_PER_SLICE, DEFAULT_MAX_SLICES, DEFAULT_MAX_STREAMS);

    public TestReadLimits {
        positive("max_records", maxRecords);
        positive("max_pages_per_slice", maxPagesPerSlice);
        positive("max_slices", maxSlices);
        positive("max_streams", maxStreams);
    }

    /**
     * The limits a config's {@code __test_read_config} sets; each missing key keeps its default, as the reference's
     * {@code get_limits} does.
     */
    public static TestReadLimits fromTestReadConfig(JsonNode testReadConfig) {
        return new TestReadLimits(
                value(testReadConfig, "max_records", DEFAULT_MAX_RECORDS),
                value(testReadConfig, "max_pages_per_slice", DEFAULT_MAX_PAGES_PER_SLICE),
                value(testReadConfig, "max_slices", DEFAULT_MAX_SLICES),
                value(testReadConfig, "max_streams", DEFAULT_MAX_STREAMS));
    }

    public TestReadLimits withMaxRecords(int records) {
        return new TestReadLimits(records, maxPagesPerSlice, maxSlices, maxStreams);
    }

    public TestReadLimits withMaxPagesPerSlice(int pages) {
        return new TestReadLimits(maxRecords, pages, maxSlices, maxStreams);
    }

    public TestReadLimits withMaxSlices(int slices) {
        return new TestReadLimits(maxRecords, maxPagesPerSlice, slices, maxStreams);
    }

    /** The {@code __test_read_config} object that sets these limits. */
    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("max_records", maxRecords);
        node.put("max_pages_per_slice", maxPagesPerSlice);
        node.put("max_slices", maxSlices);
        node.put("max_streams", maxStreams);
        return node;
    }

    private static int value(JsonNode config, String key, int fallback) {
        JsonNode value = config.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ConnectorException(FailureType.CONFIG_ERROR,
                    "__test_read_config." + key + " must be a whole number, not " + value);
        }
        return value.intValue();
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new ConnectorException(FailureType.CONFIG_ERROR,
                    "__test_read_config." + key + " must be at least 1, not " + value);
        }
    }
}
